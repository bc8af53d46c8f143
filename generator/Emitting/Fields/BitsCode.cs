using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProtocolGen.Generator.Model;
using ProtocolGen.Layout;

namespace ProtocolGen.Generator.Emitting.Fields;

/// <summary>
/// The code of bit fields, for every emitter: a group's container is read once at its constant offset and each member
/// shifted and masked out of it; on encode the members are or'ed into the container, which is written once; the
/// encoder refuses a value wider than its bits; views shift the container where it lies; layouts give each member
/// its own bits. Where the container is comes from the <see cref="LayoutPlan"/>; its shifts from the parser.
/// </summary>
internal static class BitsCode
{
    private const string Binary = "global::System.Buffers.Binary.BinaryPrimitives.";

    /// <summary>The local holding a group's container, named after its offset: <c>bits6</c>.</summary>
    public static string ContainerLocal(FieldPlan place) => place.Offset is { } offset
        ? "bits" + Int(offset)
        : "bits" + Int(place.Run) + "At" + Int(place.RunOffset);

    /// <summary>The container of <paramref name="bits"/> read from <paramref name="span"/> at <paramref name="at"/>, in its byte order.</summary>
    public static string ReadContainer(BitField bits, string span, string at)
    {
        var order = bits.BigEndian ? "BigEndian" : "LittleEndian";
        return bits.ContainerBytes switch
        {
            1 => $"{span}[{at}]",
            2 => $"{Binary}ReadUInt16{order}({At(span, at)})",
            // Three bytes: the BCL has no reader, and three loads at constant offsets are what one would write by hand.
            3 when bits.BigEndian => $"(uint)({span}[{at}] << 16 | {span}[{Plus(at, 1)}] << 8 | {span}[{Plus(at, 2)}])",
            3 => $"(uint)({span}[{at}] | {span}[{Plus(at, 1)}] << 8 | {span}[{Plus(at, 2)}] << 16)",
            4 => $"{Binary}ReadUInt32{order}({At(span, at)})",
            8 => $"{Binary}ReadUInt64{order}({At(span, at)})",
            _ => $"{RuntimeNames.WireBits}.Read{order}({span}.Slice({at}, {Int(bits.ContainerBytes)}))",
        };
    }

    /// <summary>The member's value taken out of <paramref name="container"/>: shifted down, masked, as the member's type.</summary>
    public static string Extract(FieldModel field, string container)
    {
        var bits = field.Bits!;
        if (field.Primitive == PrimitiveType.Boolean)
        {
            return $"({container} & {Hex(bits.Mask, bits)}) != 0";
        }

        var shifted = bits.Shift == 0 ? container : $"({container} >> {Int(bits.Shift)})";
        var masked = bits.Shift + bits.Width == bits.ContainerBytes * 8 ? shifted : $"({shifted} & {Hex(bits.Mask >> bits.Shift, bits)})";
        var cast = field.Kind == FieldKind.Enum ? field.TypeName : FieldCode.PrimitiveKeyword(field.Primitive);
        // uint and ulong arithmetic stays in its type; byte and ushort containers are widened to int by the shift.
        return cast == ContainerType(bits) && (masked == container || bits.ContainerBytes >= 3) ? masked : $"({cast}){masked}";
    }

    /// <summary>
    /// The one statement that writes a group's container at <paramref name="offset"/> in <paramref name="run"/>, every
    /// member or'ed in (a fixed one as its constant); a length source's bits are left 0, for <see cref="WriteLength"/>.
    /// </summary>
    public static string WriteGroup(IReadOnlyList<FieldPlan> group, string run, int offset)
    {
        var parts = group.Select(p => Part(p.Field)).OfType<string>().ToList();
        return WriteContainer(group[0].Field.Bits!, run, Int(offset), parts.Count == 0 ? "0" : string.Join(" | ", parts));
    }

    /// <summary>
    /// The statement that puts a length source's value (<paramref name="value"/>, an <c>int</c> expression that
    /// <c>WireSize</c> checked fits the field's bits) into its container at <paramref name="offset"/> in
    /// <paramref name="run"/>, once its member is written: the container is read back and the value or'ed into the
    /// field's bits, which <see cref="WriteGroup"/> left 0, so the other members' bits stay as written.
    /// </summary>
    public static string WriteLength(FieldModel field, string run, int offset, string value)
    {
        var bits = field.Bits!;
        var at = Int(offset);
        var widened = $"({WideType(bits)}){(value.Contains(" ") ? $"({value})" : value)}";
        return WriteContainer(bits, run, at, $"{ReadContainer(bits, run, at)} | {(bits.Shift == 0 ? widened : $"({widened} << {Int(bits.Shift)})")}");
    }

    /// <summary>The largest value a bit field holds, as a literal: <c>0xF</c> for four bits.</summary>
    public static string MaxValue(FieldModel field) => Hex(field.Bits!.Mask >> field.Bits.Shift, null);

    // The statement writing a container of `bits` at `at` in `run` from `or`, an expression of its composing type.
    private static string WriteContainer(BitField bits, string run, string at, string or)
    {
        var value = ContainerType(bits) == WideType(bits) ? or : $"({ContainerType(bits)}){(or.Contains(" ") ? $"({or})" : or)}";
        var order = bits.BigEndian ? "BigEndian" : "LittleEndian";
        return bits.ContainerBytes switch
        {
            1 => $"{run}[{at}] = {value};",
            2 => $"{Binary}WriteUInt16{order}({At(run, at)}, {value});",
            4 => $"{Binary}WriteUInt32{order}({At(run, at)}, {value});",
            8 => $"{Binary}WriteUInt64{order}({At(run, at)}, {value});",
            _ => $"{RuntimeNames.WireBits}.Write{order}({run}.Slice({at}, {Int(bits.ContainerBytes)}), {value});",
        };
    }

    /// <summary>
    /// The <c>WireSize</c> check of a bit field, as statements: a value wider than its bits throws
    /// <c>WireEncodeException</c> naming the field (with a closed enum's name check after it); null for a field
    /// that cannot be too wide (a bool, a fixed value, a field as wide as its type) and needs no other check.
    /// </summary>
    public static string? EncodeCheck(FieldModel field)
    {
        if (field.Bits is not { } bits || field.LengthOf is not null)
        {
            // A length source's value is its member's measure, which WireSize checks fits its bits (LengthWriteCode).
            return null;
        }

        var closed = ConstantCode.EncodeCheck(field);
        if (!CanBeTooWide(field))
        {
            return closed;
        }

        var value = field.Kind == FieldKind.Enum ? $"(ulong)this.{field.Name}" : "this." + field.Name;
        var check = $"if ({value} > {MaxValue(field)}) throw {RuntimeNames.WireBits}.TooWide({FieldCode.Quoted(field)}, {value}, {Int(bits.Width)});";
        return closed is null ? check : check + "\n" + closed;
    }

    /// <summary>
    /// A bit field's JSON read of <paramref name="read"/>: refused, naming the field, when wider than its bits (a value
    /// encode would refuse); other fields, booleans, enums, fixed fields and fields as wide as their type read as they are.
    /// </summary>
    public static string JsonRead(FieldModel field, string read)
    {
        // An enum is read by its name, which names a value of its bits or no value at all.
        if (field.Bits is not { } bits || field.Kind != FieldKind.Primitive || !CanBeTooWide(field))
        {
            return read;
        }

        return $"{RuntimeNames.WireJson}.Bits({read}, {MaxValue(field)}, {FieldCode.Quoted(field)}, {Int(bits.Width)})";
    }

    // Whether a bit field's member can hold a value its bits cannot: not a bool, not a fixed value (its own check is
    // stricter: only its constant passes), not a field as wide as its type.
    private static bool CanBeTooWide(FieldModel field) =>
        field.Fixed is null && field.Primitive != PrimitiveType.Boolean && field.Bits!.Width != LayoutPlan.PrimitiveSize(field.Primitive) * 8;

    /// <summary>A view's read of a bit field whose container starts at <paramref name="at"/> in <paramref name="bytes"/> (the view's <c>_bytes</c>, or <c>Check</c>'s <c>bytes</c>).</summary>
    public static string ViewRead(FieldModel field, string at, string bytes = "_bytes") => Extract(field, ReadContainer(field.Bits!, bytes, at));

    /// <summary>The view's <c>Check</c> of a fixed or closed-enum bit field whose container starts at <paramref name="at"/> in <c>bytes</c>.</summary>
    public static void WriteViewCheck(SourceWriter writer, FieldModel field, string at)
    {
        var value = Extract(field, ReadContainer(field.Bits!, "bytes", at));
        string? refused = field.Fixed is { } constant
            ? field.Primitive == PrimitiveType.Boolean
                ? (constant.Expression == "true" ? $"!({value})" : $"({value})")
                : $"{value} != {constant.Expression}"
            : LayoutPlan.ChecksValue(field) ? $"!{ConstantCode.EnumTable(field.Enum!)}.IsNamed({value})" : null;
        if (refused is null)
        {
            return;
        }

        writer.Open($"if ({refused})");
        writer.Line("return -1;");
        writer.Close();
        writer.Line();
    }

    /// <summary>
    /// A bit field's layout row: the byte holding its first bit and the bytes it touches, and its first bit and its
    /// bit count, counted in the record's bit order (<see cref="MsbFirst(StructModel)"/>), so a big-endian header
    /// draws as its RFC does.
    /// </summary>
    public static FieldLayout Row(FieldPlan place, bool msbFirst, string wireType)
    {
        var field = place.Field;
        var bits = field.Bits!;

        // Each of the field's bits lands in one wire byte of the container; counted from that byte's top bit
        // (MSB first) or its bottom bit (LSB first).
        var positions = Enumerable.Range(bits.Shift, bits.Width).Select(bit =>
        {
            var wireByte = bits.BigEndian ? bits.ContainerBytes - 1 - bit / 8 : bit / 8;
            var inByte = msbFirst ? 7 - bit % 8 : bit % 8;
            return wireByte * 8 + inByte;
        }).ToList();
        var first = positions.Min();
        var last = positions.Max();
        var type = wireType + Suffix(field);
        return place.Offset is { } offset
            ? new FieldLayout(offset + first / 8, last / 8 - first / 8 + 1, field.WireName, type) { BitOffset = first % 8, BitSize = bits.Width }
            : new FieldLayout(null, last / 8 - first / 8 + 1, field.WireName, type) { BitSize = bits.Width };
    }

    /// <summary>A bit field's wire type in layouts: <c>b4</c>, <c>b1 bool</c>, <c>b3 Kind</c>.</summary>
    public static string WireType(FieldModel field, string enumName) => "b" + Int(field.Bits!.Width)
        + (field.Primitive == PrimitiveType.Boolean ? " bool" : field.Kind == FieldKind.Enum ? " " + enumName : string.Empty);

    /// <summary>What a layout row adds for a reserved field: <c>, reserved</c>.</summary>
    public static string ReservedSuffix(FieldModel field) => field.Reserved ? ", reserved" : string.Empty;

    /// <summary>
    /// The order the record's layouts count bits in: its first group's (the record's <c>[BitOrder]</c>, or its byte
    /// order, unless that group sets its own); null for a record with no bit fields.
    /// </summary>
    public static bool? MsbFirst(StructModel model) => model.Fields.FirstOrDefault(f => f.Bits is not null)?.Bits!.MsbFirst;

    /// <summary>The bit order in a layout title: <c>, bits MSB first</c>; empty for a record with no bit fields.</summary>
    public static string OrderSuffix(StructModel model) => MsbFirst(model) switch
    {
        true => ", bits MSB first",
        false => ", bits LSB first",
        null => string.Empty,
    };

    /// <summary>The initializer of a packet's <c>WireLayout</c> that states its bit order; empty for a packet with no bit fields.</summary>
    public static string LayoutInitializer(StructModel model) => MsbFirst(model) is { } msb
        ? $" {{ BitOrder = {RuntimeNames.RootNamespace}.BitOrder.{(msb ? "MsbFirst" : "LsbFirst")} }}"
        : string.Empty;

    /// <summary>The initializer of a bit field's <c>FieldLayout</c> in generated code; empty for a field of whole bytes.</summary>
    public static string RowInitializer(FieldLayout row) => row.BitSize is { } size
        ? $" {{ {(row.BitOffset is { } bit ? $"BitOffset = {Int(bit)}, " : string.Empty)}BitSize = {Int(size)} }}"
        : string.Empty;

    private static string Suffix(FieldModel field) => ConstantCode.LayoutSuffix(field) + ReservedSuffix(field);

    // A member's bits in place in the container, or null when they are all zero (a fixed false, a fixed 0, a length
    // source's, which are put in once its member is written).
    private static string? Part(FieldModel field)
    {
        var bits = field.Bits!;
        if (field.LengthOf is not null)
        {
            return null;
        }

        var wide = WideType(bits);
        if (field.Fixed is { } constant && field.Kind == FieldKind.Primitive)
        {
            var number = field.Primitive == PrimitiveType.Boolean
                ? (constant.Expression == "true" ? 1UL : 0UL)
                : ulong.Parse(constant.Expression, CultureInfo.InvariantCulture);
            return number == 0 ? null : Wide(number << bits.Shift, bits);
        }

        var member = field.Fixed is { } enumConstant ? enumConstant.Expression : "this." + field.Name;
        if (field.Primitive == PrimitiveType.Boolean)
        {
            return $"({member} ? {Wide(bits.Mask, bits)} : {Wide(0, bits)})";
        }

        var widened = field.Kind == FieldKind.Primitive && FieldCode.PrimitiveKeyword(field.Primitive) == wide ? member : $"({wide}){member}";
        return bits.Shift == 0 ? widened : $"({widened} << {Int(bits.Shift)})";
    }

    /// <summary>The type a container is composed in: <c>uint</c> up to 32 bits, <c>ulong</c> beyond.</summary>
    private static string WideType(BitField bits) => bits.ContainerBytes <= 4 ? "uint" : "ulong";

    /// <summary>The C# type holding a container: the smallest unsigned integer of its bytes.</summary>
    private static string ContainerType(BitField bits) => bits.ContainerBytes switch
    {
        1 => "byte",
        2 => "ushort",
        3 or 4 => "uint",
        _ => "ulong",
    };

    // A hex literal typed for the container's arithmetic (int up to 16 bits, uint to 32, ulong beyond); with no
    // container, typed to compare with any unsigned member.
    private static string Hex(ulong value, BitField? bits) => "0x" + value.ToString("X", CultureInfo.InvariantCulture) + (bits?.ContainerBytes switch
    {
        null => value > uint.MaxValue ? "UL" : string.Empty,
        <= 2 => string.Empty,
        <= 4 => "U",
        _ => "UL",
    });

    // A hex literal of the type the container is composed in (uint up to 32 bits, ulong beyond), so every part of
    // the or has one unsigned type.
    private static string Wide(ulong value, BitField bits) => "0x" + value.ToString("X", CultureInfo.InvariantCulture) + (bits.ContainerBytes <= 4 ? "U" : "UL");

    private static string At(string span, string at) => at == "0" ? span : $"{span}.Slice({at})";

    private static string Plus(string at, int delta) => int.TryParse(at, NumberStyles.Integer, CultureInfo.InvariantCulture, out var constant)
        ? Int(constant + delta)
        : $"{at} + {Int(delta)}";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
