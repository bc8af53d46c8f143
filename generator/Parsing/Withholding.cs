using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Parsing;

/// <summary>
/// Decides which declarations get no codec: those with a ProtocolGen error, and those built on one.
/// </summary>
/// <remarks>
/// A packet's codec overrides its union root's generated members and calls the generated members of its
/// structure fields. When that root or structure has an error it gets no code, so the packet's codec would add
/// compiler errors for the one mistake already reported. Such a packet (or structure) is withheld as well: its
/// union treats it as a packet without a codec.
/// </remarks>
internal static class Withholding
{
    /// <summary>The fully qualified names of every withheld union root, wire union, packet and wire structure, in ordinal order.</summary>
    public static EquatableArray<string> Find(ImmutableArray<Result<StructModel>> structures, ImmutableArray<Result<UnionDeclaration>> unions, ImmutableArray<Result<WireUnionDeclaration>> wireUnions)
    {
        var withheld = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var name in unions.Where(u => u.Value is null).Select(u => u.FullyQualifiedName)
            .Concat(wireUnions.Where(u => u.Value is null).Select(u => u.FullyQualifiedName))
            .Concat(structures.Where(s => s.Value is null).Select(s => s.FullyQualifiedName)))
        {
            if (name is not null)
            {
                withheld.Add(name);
            }
        }

        // A union framed by a withheld header is withheld with it (its header's error is the one).
        foreach (var union in unions.Select(u => u.Value).OfType<UnionDeclaration>())
        {
            if (union.HeaderFullyQualifiedName is { } header && withheld.Contains(header))
            {
                withheld.Add(union.Declaration.FullyQualifiedName);
            }
        }

        // A structure of a withheld structure is withheld in turn, however deep the nesting.
        var remaining = structures.Select(s => s.Value).OfType<StructModel>().ToList();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var model in remaining.Where(m => DependsOn(m, withheld)).ToList())
            {
                withheld.Add(model.Declaration.FullyQualifiedName);
                remaining.Remove(model);
                changed = true;
            }
        }

        return withheld.OrderBy(n => n, System.StringComparer.Ordinal).ToEquatableArray();
    }

    /// <summary>The model to emit: none when the declaration is withheld.</summary>
    public static StructModel? Generated(Result<StructModel> result, EquatableArray<string> withheld) =>
        result.Value is { } model && !withheld.AsImmutableArray().Contains(model.Declaration.FullyQualifiedName) ? model : null;

    private static bool DependsOn(StructModel model, HashSet<string> withheld) =>
        (model.Packet is { } packet && withheld.Contains(packet.UnionFullyQualifiedName))
        || model.Fields.Any(f => withheld.Contains(f.TypeName) || (f.ElementTypeName is { } element && withheld.Contains(element)));
}
