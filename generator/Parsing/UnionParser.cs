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

        var argument = context.Attributes[0].ConstructorArguments.FirstOrDefault();
        string? header = null;
        if (argument.Kind == TypedConstantKind.Type)
        {
            if (diagnostics.Count == 0 && (argument.Value is not INamedTypeSymbol headerType || !headerType.HasAttribute(KnownNames.FrameHeaderAttribute)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFrameHeader, location, type.Name,
                    $"is framed by '{(argument.Value as ITypeSymbol)?.ToDisplayString() ?? "null"}', which is not a [FrameHeader] record; mark that record [FrameHeader], or use a FrameFormat"));
            }

            // The declaration's own name (H<T>, not H<int>), as its parse and withholding know it: a generic header is
            // PG0013 there, and this union is withheld with it.
            header = (argument.Value as INamedTypeSymbol)?.OriginalDefinition.ToFullyQualified();
        }

        var frameFormat = header is not null ? (int)FrameFormat.Header : argument.Value as int? ?? 0;
        if (diagnostics.Count == 0 && header is null && frameFormat is not ((int)FrameFormat.TypeAndLength32 or (int)FrameFormat.TypeOnly))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownFrameFormat, location, type.Name, frameFormat.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (diagnostics.Count > 0)
        {
            return new Result<UnionDeclaration>(null, diagnostics.ToEquatableArray(), FullyQualifiedName: type.ToFullyQualified());
        }

        var declaration = new UnionDeclaration(DeclarationParser.Describe(type), isInterface, (FrameFormat)frameFormat, LocationInfo.From(location)) { HeaderFullyQualifiedName = header };
        return new Result<UnionDeclaration>(declaration, EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>Gathers a union's packets, in type-byte order, and reports type bytes used twice.</summary>
    /// <param name="union">The union root.</param>
    /// <param name="allPackets">Every valid packet identity, with whether its fields gave a codec.</param>
    /// <param name="claims">Every packet's claim on a union, the invalid ones included.</param>
    /// <param name="headers">Every valid <c>[FrameHeader]</c>: a union framed by one that is not here gets no code (its header's error is the one).</param>
    public static Result<UnionModel> Join(UnionDeclaration union, EquatableArray<PacketMembership> allPackets, EquatableArray<PacketClaim> claims, EquatableArray<FrameHeaderShape> headers)
    {
        var diagnostics = new List<DiagnosticInfo>();
        FrameHeaderShape? header = null;
        if (union.HeaderFullyQualifiedName is { } headerName)
        {
            header = headers.FirstOrDefault(h => h.FullyQualifiedName == headerName);
            if (header is null)
            {
                return new Result<UnionModel>(null, EquatableArray<DiagnosticInfo>.Empty);
            }
        }

        var memberships = allPackets
            .Where(p => p.Member.UnionFullyQualifiedName == union.Declaration.FullyQualifiedName)
            .OrderBy(p => p.Member.PacketType)
            .ThenBy(p => p.Member.FullyQualifiedName, System.StringComparer.Ordinal)
            .ToList();

        for (var i = 1; i < memberships.Count; i++)
        {
            var (previous, current) = (memberships[i - 1].Member, memberships[i].Member);
            // A header without a [FrameType] has no numbers to share: a second packet is PG0046 below.
            if (current.PacketType == previous.PacketType && header is not { TypeBits: null })
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
        if (header is not null)
        {
            withCodec = withCodec.Where(m => FitsHeader(m, memberships, union, header, diagnostics)).ToList();
        }

        var members = withCodec.GroupBy(m => m.Member.PacketType).Select(g => g.First().Member).ToList();
        var claimed = claims.Where(c => c.UnionFullyQualifiedName == union.Declaration.FullyQualifiedName).ToList();

        var named = claims.Any(c => c.OtherUnionFullyQualifiedNames.AsImmutableArray().Contains(union.Declaration.FullyQualifiedName));
        if (claimed.Count == 0 && memberships.Count == 0 && !named)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyUnion, union.Location, union.Declaration.Name));
        }

        var model = new UnionModel(union.Declaration, union.IsInterface, union.FrameFormat, members.ToEquatableArray())
        {
            Header = header,
            HasPacketsWithoutCodec = memberships.Count > withCodec.Count
                || claimed.Any(c => !withCodec.Any(m => m.Member.FullyQualifiedName == c.PacketFullyQualifiedName)),
        };
        return new Result<UnionModel>(model, diagnostics.ToEquatableArray());
    }

    // PG0046: a packet number the header's [FrameType] cannot hold, or, for a header without one, a number other than
    // 0 or a second packet. A packet reported here gets no dispatch, so the union's code still compiles.
    private static bool FitsHeader(PacketMembership membership, List<PacketMembership> all, UnionDeclaration union, FrameHeaderShape header, List<DiagnosticInfo> diagnostics)
    {
        var member = membership.Member;
        var number = member.PacketType.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string? problem = null;
        if (header.TypeBits is { } bits && (ulong)member.PacketType > header.MaxType)
        {
            problem = $"uses number {number}, which the {bits}-bit [FrameType] of header '{header.Name}' cannot hold (at most {header.MaxType.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
        }
        else if (header.TypeBits is null && member.PacketType != 0)
        {
            problem = $"uses number {number}, but header '{header.Name}' has no [FrameType], so the union has one packet and no numbers; declare it [Packet(0)]";
        }
        else if (header.TypeBits is null && all.IndexOf(membership) > 0)
        {
            problem = $"is a second packet, but header '{header.Name}' has no [FrameType] to tell packets apart; give the header a [FrameType] member";
        }

        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PacketNumberDoesNotFitHeader, membership.Location, NameConventions.ShortName(member.FullyQualifiedName), union.Declaration.Name, problem));
        }

        return problem is null;
    }
}
