using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using ProtocolGen.Generator.Diagnostics;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Parsing;

/// <summary>Reads a <c>[ProtocolUnion]</c> root, then joins it with the packets that belong to it.</summary>
internal static class UnionParser
{
    public static Result<UnionDeclaration> Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var location = DeclarationParser.IdentifierLocation(context.TargetNode);
        var diagnostics = new List<DiagnosticInfo>();
        var isInterface = type.TypeKind == TypeKind.Interface;

        if (!isInterface && !(type.IsRecord && type.IsAbstract && !type.IsValueType))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidUnionRoot, location, type.Name));
        }
        else if (!DeclarationParser.IsPartialAllTheWayOut(context.TargetNode, cancellationToken))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MustBePartial, location, type.Name));
        }
        else if (type.IsGenericOrInGeneric())
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericProtocolType, location, type.Name));
        }

        var frameFormat = context.Attributes[0].ConstructorArguments.FirstOrDefault().Value as int? ?? 0;
        if (diagnostics.Count == 0 && !System.Enum.IsDefined(typeof(FrameFormat), frameFormat))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownFrameFormat, location, type.Name, frameFormat.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (diagnostics.Count > 0)
        {
            return new Result<UnionDeclaration>(null, diagnostics.ToEquatableArray(), FullyQualifiedName: type.ToFullyQualified());
        }

        var declaration = new UnionDeclaration(DeclarationParser.Describe(type), isInterface, (FrameFormat)frameFormat, LocationInfo.From(location));
        return new Result<UnionDeclaration>(declaration, EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>Gathers a union's packets, in type-byte order, and reports type bytes used twice.</summary>
    /// <param name="union">The union root.</param>
    /// <param name="allPackets">Every valid packet identity, with whether its fields gave a codec.</param>
    /// <param name="claims">Every packet's claim on a union, the invalid ones included.</param>
    public static Result<UnionModel> Join(UnionDeclaration union, EquatableArray<PacketMembership> allPackets, EquatableArray<PacketClaim> claims)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var memberships = allPackets
            .Where(p => p.Member.UnionFullyQualifiedName == union.Declaration.FullyQualifiedName)
            .OrderBy(p => p.Member.PacketType)
            .ThenBy(p => p.Member.FullyQualifiedName, System.StringComparer.Ordinal)
            .ToList();

        for (var i = 1; i < memberships.Count; i++)
        {
            var (previous, current) = (memberships[i - 1].Member, memberships[i].Member);
            if (current.PacketType == previous.PacketType)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.DuplicatePacketType,
                    memberships[i].Location,
                    previous.Name, current.Name, union.Declaration.Name, current.PacketType.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        // A packet whose own fields failed still counts as claimed above, but gets no dispatch: it has no codec.
        // Of two packets that share a type byte (reported above) only the first is dispatched to, so the
        // union's code still compiles and the error is the only one.
        var withCodec = memberships.Where(m => m.HasCodec).ToList();
        var members = withCodec.GroupBy(m => m.Member.PacketType).Select(g => g.First().Member).ToList();
        var claimed = claims.Where(c => c.UnionFullyQualifiedName == union.Declaration.FullyQualifiedName).ToList();

        var named = claims.Any(c => c.OtherUnionFullyQualifiedNames.AsImmutableArray().Contains(union.Declaration.FullyQualifiedName));
        if (claimed.Count == 0 && memberships.Count == 0 && !named)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyUnion, union.Location, union.Declaration.Name));
        }

        var model = new UnionModel(union.Declaration, union.IsInterface, union.FrameFormat, members.ToEquatableArray())
        {
            HasPacketsWithoutCodec = memberships.Count > withCodec.Count
                || claimed.Any(c => !withCodec.Any(m => m.Member.FullyQualifiedName == c.PacketFullyQualifiedName)),
        };
        return new Result<UnionModel>(model, diagnostics.ToEquatableArray());
    }
}
