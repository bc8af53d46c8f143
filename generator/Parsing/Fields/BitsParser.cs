using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using ProtocolGen.Generator.Diagnostics;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Parsing.Fields;

/// <summary>
/// Reads <c>[Bits]</c>, <c>[BitOrder]</c> and <c>[Reserved]</c>: each member's width and container (PG0022, PG0023,
/// PG0025, and PG0026 for a fixed value wider than its bits), then each group as a whole (PG0024), which gives every
/// member its shift in the container. One mistake is one error: a wrong member stops there, a wrong group is
/// reported once, at its first member.
/// </summary>
internal static class BitsParser
{
    private static readonly int[] Containers = { 8, 16, 24, 32, 40, 48, 56, 64 };

    /// <summary>
    /// Refuses (PG0009, or PG0022 for a type that has no bits) <c>[Bits]</c> or <c>[Reserved]</c> where they contradict
    /// another attribute or the member's type; true when they may stand.
    /// </summary>
    /// <param name="lengthRules">The byte length rules the member also carries (<c>[LengthPrefix]</c>...).</param>
    /// <param name="isPrimitive">Whether the member is an integer, a boolean or an enum.</param>
    public static bool CheckPlacement(AttributeData? bits, bool reserved, bool isFixed, IReadOnlyList<string> lengthRules, bool nullTerminated, bool isPrimitive, ITypeSymbol type, string name, Location? location, List<DiagnosticInfo> diagnostics)
    {
        if (bits is not null && (lengthRules.Count > 0 || nullTerminated))
        {
            var others = string.Join(" and ", lengthRules.Concat(nullTerminated ? new[] { "[NullTerminated]" } : System.Array.Empty<string>()));
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAttributes, location, name, "[Bits] and " + others,
                "a bit field takes bits of its container, not bytes of its own; keep one"));
            return false;
        }

        if (reserved && isFixed)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAttributes, location, name, "[Reserved] and [Fixed]",
                "a reserved field keeps whatever the wire holds, a fixed one refuses all but its constant; keep one"));
            return false;
        }

        if (reserved && (!isPrimitive || lengthRules.Count > 0 || nullTerminated))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAttributes, location, name, "[Reserved]",
                "it marks an integer or a bit field; remove it"));
            return false;
        }

        if (bits is not null && !isPrimitive)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotABitFieldType, location, name,
                $"it is {type.ToDisplayString()}; a bit field is an unsigned integer, a bool or an enum with an unsigned underlying type"));
            return false;
        }

        return true;
    }

    /// <summary>One member's <c>[Bits]</c>: its width and, on a group's first member, its container; its shift comes later, from <see cref="Group"/>.</summary>
    /// <param name="markedBigEndian">Whether the member itself is marked <c>[BigEndian]</c> (which orders a container, so only a first member may be).</param>
    public static BitField? Parse(AttributeData attribute, ITypeSymbol type, PrimitiveType primitive, EnumModel? enumModel, FixedValue? fixedValue, bool markedBigEndian, string name, Location? location, List<DiagnosticInfo> diagnostics)
    {
        var width = attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is int w ? w : 0;
        var container = 0;
        bool? msbFirst = null;
        foreach (var argument in attribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case "Container":
                    container = argument.Value.Value as int? ?? -1;
                    break;
                case "Order":
                    msbFirst = argument.Value.Value is int order ? order == 0 : null;
                    break;
            }
        }

        if (primitive is PrimitiveType.SByte or PrimitiveType.Int16 or PrimitiveType.Int32 or PrimitiveType.Int64)
        {
            var unsigned = UnsignedOf(primitive).Keyword();
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotABitFieldType, location, name, enumModel is not null
                ? $"its enum {enumModel.Name} has the signed underlying type {primitive.Keyword()}; declare it ': {unsigned}'"
                : $"it is {primitive.Keyword()}, a signed type; use {unsigned}"));
            return null;
        }

        var typeBits = primitive == PrimitiveType.Boolean ? 1 : LayoutPlan.PrimitiveSize(primitive) * 8;
        var spelled = width.ToString(CultureInfo.InvariantCulture);
        if (width < 1 || width > typeBits)
        {
            var reason = primitive == PrimitiveType.Boolean
                ? "a bool cannot hold: a bool is one bit, [Bits(1)]"
                : width < 1
                    ? "is not a width; a bit field takes 1 bit or more"
                    : $"is more bits than {(enumModel is not null ? $"{enumModel.Name}'s underlying type {primitive.Keyword()}" : type.ToDisplayString())} holds ({typeBits.ToString(CultureInfo.InvariantCulture)}); widen the type or narrow the field";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BitWidthDoesNotFit, location, name, spelled, reason));
            return null;
        }

        if (container != 0 && !Containers.Contains(container))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidBitContainer, location, name,
                $"declares Container = {container.ToString(CultureInfo.InvariantCulture)}; a container is a whole number of bytes, 8, 16, 24, 32, 40, 48, 56 or 64 bits"));
            return null;
        }

        if (container == 0 && (msbFirst is not null || markedBigEndian))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidBitContainer, location, name, msbFirst is not null
                ? "sets Order but starts no bit group (it has no Container); set Order on the group's first member, which names the container"
                : "is marked [BigEndian] but starts no bit group (it has no Container); mark the group's first member, whose container it orders"));
            return null;
        }

        if (fixedValue is not null && primitive != PrimitiveType.Boolean && !Fits(fixedValue, enumModel, width))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConstantDoesNotFit, location, $"Member '{name}'", $"[Fixed({fixedValue.Display})]",
                $"does not fit its {spelled} bits (at most {((1UL << width) - 1).ToString(CultureInfo.InvariantCulture)})"));
            return null;
        }

        return new BitField(width, container, DeclaredMsbFirst: msbFirst);
    }

    /// <summary>The record's <c>[BitOrder]</c>: true for MSB first, false for LSB first, null when it declares none.</summary>
    public static bool? RecordMsbFirst(INamedTypeSymbol type)
    {
        var attribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.MetadataName() == KnownNames.BitOrderAttribute);
        return attribute?.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is int order ? order == 0 : null;
    }

    /// <summary>
    /// Closes each bit group: its widths must add up to its container, with no other member inside (PG0024); then every
    /// member gets its shift, its group's order (the group's <c>Order</c>, else the record's <c>[BitOrder]</c>, else its
    /// container's byte order: MSB first when big-endian) and its container's byte order. False when a group is wrong.
    /// </summary>
    /// <param name="fields">The record's fields in wire order, rewritten in place.</param>
    /// <param name="locations">Each field's location, index for index.</param>
    public static bool Group(List<FieldModel> fields, IReadOnlyList<Location?> locations, bool? recordMsbFirst, List<DiagnosticInfo> diagnostics)
    {
        var ok = true;
        var afterWrongGroup = false;
        var i = 0;
        while (i < fields.Count)
        {
            if (fields[i].Bits is not { } first)
            {
                i++;
                continue;
            }

            var start = i;
            var sum = first.Width;
            for (i++; i < fields.Count && fields[i].Bits is { StartsGroup: false } next; i++)
            {
                sum += next.Width;
            }

            if (!first.StartsGroup)
            {
                // Bits after a group closed too early (by a member that is not a bit field) are that one mistake.
                if (afterWrongGroup)
                {
                    continue;
                }

                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BitGroupNotFilled, locations[start], fields[start].Name,
                    "is a bit field with no group to continue (it has no Container, and no unfilled group comes before it); give it Container = n to start one"));
                ok = false;
                continue;
            }

            if (sum != first.ContainerBits)
            {
                var members = string.Join(", ", Enumerable.Range(start, i - start).Select(f => $"{fields[f].Name} {fields[f].Bits!.Width.ToString(CultureInfo.InvariantCulture)}"));
                var end = i < fields.Count && fields[i].Bits is null ? $", before '{fields[i].Name}', which is not a bit field," : i == fields.Count ? " to the record's end" : string.Empty;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BitGroupNotFilled, locations[start], fields[start].Name,
                    $"starts a bit group of Container = {first.ContainerBits.ToString(CultureInfo.InvariantCulture)} bits, but its members{end} hold {sum.ToString(CultureInfo.InvariantCulture)} ({members}); make the widths add up to the container, with [Reserved] bits for any gap"));
                ok = false;
                afterWrongGroup = true;
                continue;
            }

            afterWrongGroup = false;
            var bigEndian = fields[start].BigEndian;
            var msbFirst = first.DeclaredMsbFirst ?? recordMsbFirst ?? bigEndian;
            var used = 0;
            for (var f = start; f < i; f++)
            {
                var bits = fields[f].Bits!;
                var shift = msbFirst ? first.ContainerBits - used - bits.Width : used;
                used += bits.Width;
                fields[f] = fields[f] with { Bits = bits with { Shift = shift, ContainerBytes = first.ContainerBits / 8, MsbFirst = msbFirst, BigEndian = bigEndian, EndsGroup = f == i - 1 } };
            }
        }

        return ok;
    }

    /// <summary>Whether a constant of a bit field (its <c>[Fixed]</c> value, a <c>[PresentWhen]</c> value of it) fits its <paramref name="width"/> bits; true when the generator cannot tell its number.</summary>
    public static bool Fits(FixedValue value, EnumModel? enumModel, int width) =>
        width >= 64 || NumberOf(value, enumModel) is not { } number || number >> width == 0;

    /// <summary>A fixed value as a number, for its width check; null when it is not one the generator can tell.</summary>
    private static ulong? NumberOf(FixedValue value, EnumModel? enumModel)
    {
        var literal = enumModel?.Members.FirstOrDefault(m => m.Name == value.Display)?.Value ?? value.Display;
        return ulong.TryParse(literal, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    private static PrimitiveType UnsignedOf(PrimitiveType primitive) => primitive switch
    {
        PrimitiveType.SByte => PrimitiveType.Byte,
        PrimitiveType.Int16 => PrimitiveType.UInt16,
        PrimitiveType.Int32 => PrimitiveType.UInt32,
        _ => PrimitiveType.UInt64,
    };
}
