using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Parsing;

/// <summary>Reads which union a <c>[Packet]</c> type claims, without judging the rest of it.</summary>
internal static class PacketClaimParser
{
    public static PacketClaim? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var type = (INamedTypeSymbol)context.TargetSymbol;
        if (!DeclarationParser.IsFirstApplication(type, context.Attributes[0], context.TargetNode))
        {
            return null;
        }

        var unions = StructParser.FindUnions(type);
        return unions.Count == 0
            ? null
            : new PacketClaim(unions[0].ToFullyQualified(), type.ToFullyQualified(), unions.Skip(1).Select(u => u.ToFullyQualified()).ToEquatableArray());
    }
}
