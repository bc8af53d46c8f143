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
        if (diagnostics.Count == 0 && frameFormat is not (0 or 1))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownFrameFormat, location, type.Name, frameFormat.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (diagnostics.Count > 0)
        {
            return new Result<UnionDeclaration>(null, diagnostics.ToEquatableArray());
        }

        var declaration = new UnionDeclaration(DeclarationParser.Describe(type), isInterface, frameFormat, LocationInfo.From(location));
        return new Result<UnionDeclaration>(declaration, EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>Gathers a union's packets, in type-byte order, and reports type bytes used twice.</summary>
    public static Result<UnionModel> Join(UnionDeclaration union, EquatableArray<PacketMembership> allPackets)
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
                diagnostics.Add(new DiagnosticInfo(
                    DiagnosticDescriptors.DuplicatePacketType.Id,
                    memberships[i].Location,
                    new[] { previous.Name, current.Name, union.Declaration.Name, current.PacketType.ToString(System.Globalization.CultureInfo.InvariantCulture) }.ToEquatableArray()));
            }
        }

        // A packet whose own fields failed still counts as claimed above, but gets no dispatch: it has no codec.
        var members = memberships.Where(m => m.HasCodec).Select(m => m.Member).ToList();

        if (memberships.Count == 0)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.EmptyUnion.Id, union.Location, new[] { union.Declaration.Name }.ToEquatableArray()));
        }

        var model = diagnostics.Any(d => d.DescriptorId == DiagnosticDescriptors.DuplicatePacketType.Id)
            ? null
            : new UnionModel(union.Declaration, union.IsInterface, union.FrameFormat, members.ToEquatableArray());
        return new Result<UnionModel>(model, diagnostics.ToEquatableArray());
    }
}
