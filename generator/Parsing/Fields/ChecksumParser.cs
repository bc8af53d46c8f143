using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProtocolGen.Generator.Diagnostics;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Parsing.Fields;

/// <summary>
/// Reads <c>[Checksum]</c>: on the member, its algorithm against the member's type (PG0040, PG0042); on the record,
/// its range against the record's fields (PG0041), once every field is known.
/// </summary>
internal static class ChecksumParser
{
    private const int AlgorithmInternet = 0;
    private const int AlgorithmCrc32 = 1;

    /// <summary>The member's checksum rule, or null (with one error) when the attribute does not fit it.</summary>
    public static ChecksumInfo? Parse(AttributeData attribute, ITypeSymbol type, string name, Location? location, List<DiagnosticInfo> diagnostics)
    {
        var argument = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0] : default;
        var named = attribute.NamedArguments.ToDictionary(a => a.Key, a => a.Value);
        var from = named.TryGetValue("From", out var f) ? f.Value as string : null;
        var through = named.TryGetValue("Through", out var t) ? t.Value as string : null;
        var zeroMeansNone = named.TryGetValue("ZeroMeansNone", out var z) && z.Value is true;
        var pseudoHeader = named.TryGetValue("PseudoHeader", out var h) && h.Value is true;
        var width = type.TypeKind == TypeKind.Enum ? 0 : type.SpecialType switch
        {
            SpecialType.System_UInt16 => 2,
            SpecialType.System_UInt32 => 4,
            SpecialType.System_UInt64 => 8,
            _ => 0,
        };

        ChecksumInfo? Mismatch(string spelled, string reason)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ChecksumMemberMismatch, location, name, spelled, reason));
            return null;
        }

        if (argument.Kind == TypedConstantKind.Type)
        {
            var custom = argument.Value as INamedTypeSymbol;
            if (custom?.TypeKind == TypeKind.Error)
            {
                // The compiler already reports the unknown type; a second error here would only be noise.
                return null;
            }

            var spelled = "typeof(" + (custom?.ToDisplayString() ?? "?") + ")";
            if (custom is null || !IsWireChecksum(custom))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotAWireChecksum, location, name, custom?.ToDisplayString() ?? "null"));
                return null;
            }

            if (width == 0)
            {
                return Mismatch(spelled, $"'{name}' is {type.ToDisplayString()}; a checksum is a ushort, uint or ulong as wide as its Size");
            }

            if (DeclaredSize(custom) is { } size && size != width)
            {
                return Mismatch(spelled, $"{custom.Name}.Size is {Int(size)} bytes and '{name}' is {type.ToDisplayString()}, {Int(width)} bytes; make them the same width");
            }

            if (zeroMeansNone || pseudoHeader)
            {
                return Mismatch(spelled, InternetOnly(zeroMeansNone));
            }

            return new ChecksumInfo(ChecksumKind.Custom, custom.ToFullyQualified(), NameConventions.ToSnakeCase(custom.Name), from, through, false);
        }

        var algorithm = argument.Value is int value ? value : -1;
        switch (algorithm)
        {
            case AlgorithmInternet:
                return width == 2
                    ? new ChecksumInfo(ChecksumKind.Internet, null, "internet", from, through, zeroMeansNone, PseudoHeader: pseudoHeader)
                    : Mismatch("ChecksumAlgorithm.Internet", $"'{name}' is {type.ToDisplayString()}; an Internet checksum is a ushort");
            case AlgorithmCrc32:
                if (width != 4)
                {
                    return Mismatch("ChecksumAlgorithm.Crc32", $"'{name}' is {type.ToDisplayString()}; a CRC-32 is a uint");
                }

                return zeroMeansNone || pseudoHeader
                    ? Mismatch("ChecksumAlgorithm.Crc32", InternetOnly(zeroMeansNone))
                    : new ChecksumInfo(ChecksumKind.Crc32, null, "crc32", from, through, false);
            default:
                return Mismatch("(ChecksumAlgorithm)" + Int(algorithm), "ProtocolGen knows no such algorithm; use ChecksumAlgorithm.Internet, ChecksumAlgorithm.Crc32 or typeof(YourChecksum)");
        }
    }

    /// <summary>
    /// Resolves each checksum's range to field indices, reporting one PG0041 per checksum whose range names no field,
    /// runs backwards, covers a CRC or custom checksum itself, or crosses another checksum's range. False when any did.
    /// </summary>
    public static bool Resolve(List<FieldModel> fields, string recordName, IMethodSymbol? constructor, List<DiagnosticInfo> diagnostics)
    {
        var ok = true;
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Checksum is not { } checksum)
            {
                continue;
            }

            var location = constructor?.Parameters.FirstOrDefault(p => p.Name == fields[i].Name)?.Locations.FirstOrDefault();
            bool Refuse(string reason)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidChecksumRange, location, fields[i].Name, reason));
                return false;
            }

            var from = checksum.From is null ? -1 : fields.FindIndex(x => x.Name == checksum.From);
            var through = checksum.Through is null
                // A CRC or custom checksum closing its record covers what comes before it.
                ? (i == fields.Count - 1 && !checksum.MayCoverItself && i > 0 ? i - 1 : fields.Count - 1)
                : fields.FindIndex(x => x.Name == checksum.Through);
            if (checksum.From is not null && from < 0)
            {
                ok = Refuse($"names From = \"{checksum.From}\", which is no positional parameter of '{recordName}'; name one (nameof works)");
            }
            else if (checksum.Through is not null && through < 0)
            {
                ok = Refuse($"names Through = \"{checksum.Through}\", which is no positional parameter of '{recordName}'; name one (nameof works)");
            }
            else if (from > through)
            {
                ok = Refuse($"runs from '{fields[from].Name}' back to '{fields[through].Name}'; From must not come after Through");
            }
            else if (!checksum.MayCoverItself && from <= i && i <= through)
            {
                ok = Refuse($"is a {checksum.Display} inside the bytes it covers ({Describe(fields, from, through)}); only an Internet checksum can be, so set From or Through to leave it out");
            }
            else
            {
                fields[i] = fields[i] with { Checksum = checksum with { FromIndex = from, ThroughIndex = through } };
            }
        }

        return ok && ResolveOverlaps(fields, constructor, diagnostics);
    }

    // Two checksums whose ranges cross, or that each cover the other, have no order to be computed in.
    private static bool ResolveOverlaps(List<FieldModel> fields, IMethodSymbol? constructor, List<DiagnosticInfo> diagnostics)
    {
        var ok = true;
        var checksums = Enumerable.Range(0, fields.Count).Where(i => fields[i].Checksum is not null).ToList();
        for (var a = 0; a < checksums.Count; a++)
        {
            for (var b = a + 1; b < checksums.Count; b++)
            {
                var (i, j) = (checksums[a], checksums[b]);
                var (x, y) = (fields[i].Checksum!, fields[j].Checksum!);
                var crosses = x.FromIndex <= y.ThroughIndex && y.FromIndex <= x.ThroughIndex
                    && !(x.FromIndex <= y.FromIndex && y.ThroughIndex <= x.ThroughIndex)
                    && !(y.FromIndex <= x.FromIndex && x.ThroughIndex <= y.ThroughIndex);
                var mutual = x.FromIndex <= j && j <= x.ThroughIndex && y.FromIndex <= i && i <= y.ThroughIndex;
                if (crosses || mutual)
                {
                    var location = constructor?.Parameters.FirstOrDefault(p => p.Name == fields[j].Name)?.Locations.FirstOrDefault();
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidChecksumRange, location, fields[j].Name, crosses
                        ? $"covers {Describe(fields, y.FromIndex, y.ThroughIndex)}, which splits the range of checksum '{fields[i].Name}' ({Describe(fields, x.FromIndex, x.ThroughIndex)}); nest one range inside the other, or keep them apart"
                        : $"and checksum '{fields[i].Name}' each cover the other, so neither can be computed first; leave one out of the other's range"));
                    ok = false;
                }
            }
        }

        return ok;
    }

    // ZeroMeansNone and PseudoHeader belong to the Internet checksum (UDP's and TCP's rules).
    private static string InternetOnly(bool zeroMeansNone) =>
        (zeroMeansNone ? "ZeroMeansNone is UDP's rule" : "PseudoHeader is TCP's and UDP's rule") + " for an Internet checksum; remove it";

    private static string Describe(List<FieldModel> fields, int from, int through) =>
        (from < 0 ? "the record's start" : "'" + fields[from].Name + "'") + " through '" + fields[through].Name + "'";

    private static bool IsWireChecksum(INamedTypeSymbol type) =>
        type.TypeKind == TypeKind.Struct
        && type.AllInterfaces.Any(i => i.OriginalDefinition.MetadataName() == KnownNames.WireChecksumInterface && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], type));

    /// <summary>The custom checksum's <c>Size</c> when its source says it as a literal (<c>static int Size => 2;</c>); else null, and the member's width is trusted.</summary>
    private static int? DeclaredSize(INamedTypeSymbol type)
    {
        foreach (var property in type.GetMembers("Size").OfType<IPropertySymbol>().Where(p => p.IsStatic))
        {
            foreach (var reference in property.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is not PropertyDeclarationSyntax syntax)
                {
                    continue;
                }

                var expression = syntax.ExpressionBody?.Expression
                    ?? syntax.AccessorList?.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.GetAccessorDeclaration))?.ExpressionBody?.Expression;
                if (expression is LiteralExpressionSyntax { Token.Value: int size })
                {
                    return size;
                }
            }
        }

        return null;
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
