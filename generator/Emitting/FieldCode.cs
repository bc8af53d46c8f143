using System.Globalization;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Emitting;

/// <summary>
/// The C# expressions that read and write one field's head at a constant offset in its run, and the size and
/// check of each field kind for <c>WireSize</c>. Where the bytes are comes from the <see cref="LayoutPlan"/>.
/// </summary>
internal static class FieldCode
{
    private const string Binary = "global::System.Buffers.Binary.BinaryPrimitives.";

    /// <summary>Reads the head of <paramref name="field"/> at <paramref name="offset"/> in <paramref name="run"/>: the value, or for prefixed kinds the length or count.</summary>
    public static string ReadHead(FieldModel field, string run, int offset) => field.Kind switch
    {
        FieldKind.Primitive => ReadInteger(field.Primitive, field.BigEndian, run, offset),
        FieldKind.Enum => $"({field.TypeName}){ReadInteger(field.Primitive, field.BigEndian, run, offset)}",
        FieldKind.FixedBytes => $"{run}.Slice({Int(offset)}, {Int(field.Length)}).ToArray()",
        FieldKind.Struct => $"{field.ElementTypeName}.ReadFixed({run}.Slice({Int(offset)}, {Int(field.ElementSize!.Value)}))",
        _ => ReadInteger(PrefixType(field), field.BigEndian, run, offset),
    };

    /// <summary>Writes the head of <paramref name="field"/>, whose value or length is <paramref name="value"/>, at <paramref name="offset"/> in <paramref name="run"/>.</summary>
    public static string WriteHead(FieldModel field, string run, int offset, string value) => field.Kind switch
    {
        _ when field.Converter is not null => Fields.ConverterCode.WriteHead(field, run, offset, value),
        FieldKind.Primitive => WriteInteger(field.Primitive, field.BigEndian, run, offset, value),
        FieldKind.Enum => WriteInteger(field.Primitive, field.BigEndian, run, offset, $"({PrimitiveKeyword(field.Primitive)}){value}"),
        FieldKind.FixedBytes when field.Shape == SequenceShape.ReadOnlyMemory => $"{value}.Span.CopyTo({run}.Slice({Int(offset)}, {Int(field.Length)}));",
        FieldKind.FixedBytes => $"global::System.MemoryExtensions.CopyTo({value}, {run}.Slice({Int(offset)}, {Int(field.Length)}));",
        FieldKind.FixedString => Fields.FixedTextCode.WriteHead(field, run, offset),
        FieldKind.Struct when IsAddress(field.ElementTypeName) => $"{value}.CopyTo({run}.Slice({Int(offset)}, {Int(field.ElementSize!.Value)}));",
        FieldKind.Struct => $"{value}.WriteFixed({run}.Slice({Int(offset)}, {Int(field.ElementSize!.Value)}));",
        _ => field.Prefix switch
        {
            // A short prefix is checked again here, for a caller that wrote without asking WireSize first.
            1 => $"{run}[{Int(offset)}] = {RuntimeNames.WireLength}.ToU8({value}, \"{field.WireName}\");",
            2 => WriteInteger(PrimitiveType.UInt16, field.BigEndian, run, offset, $"{RuntimeNames.WireLength}.ToU16({value}, \"{field.WireName}\")"),
            _ => WriteInteger(PrimitiveType.UInt32, field.BigEndian, run, offset, $"(uint){value}"),
        },
    };

    /// <summary>Reads an element of a plain structure array from <paramref name="bytes"/>, exactly its size.</summary>
    public static string ReadElement(FieldModel field, string bytes) => $"{field.ElementTypeName}.ReadFixed({bytes})";

    /// <summary>Writes an element of a plain structure array into <paramref name="bytes"/>, exactly its size.</summary>
    public static string WriteElement(FieldModel field, string element, string bytes) => IsAddress(field.ElementTypeName)
        ? $"{element}.CopyTo({bytes});"
        : $"{element}.WriteFixed({bytes});";

    /// <summary>
    /// The size of the field's tail for <c>WireSize</c>, checked: null members, invalid text and values too long for
    /// their prefix throw <c>WireEncodeException</c> naming the field. Null for kinds whose size is constant.
    /// </summary>
    public static string? CheckedTailSize(FieldPlan place)
    {
        var field = place.Field;
        var member = "this." + field.Name;
        var name = Quoted(field);
        return field.Kind switch
        {
            _ when field.Condition is not null => null, // ConditionCode.CheckedSize
            _ when field.FixedCount > 0 => Fields.CountsCode.CheckedTailSize(place),
            FieldKind.PrefixedBytes => $"{RuntimeNames.WireLength}.Bytes({member}, {Width(field)}, {name})",
            FieldKind.RestBytes when field.Shape == SequenceShape.ReadOnlyMemory => $"{member}.Length",
            FieldKind.RestBytes => $"{RuntimeNames.WireLength}.Bytes({member}, {name})",
            FieldKind.PrefixedString => $"{RuntimeNames.WireLength}.Utf8({member}, {Width(field)}, {name})",
            FieldKind.RestString => $"{RuntimeNames.WireLength}.Utf8({member}, {name})",
            FieldKind.TerminatedString => Fields.TerminatedTextCode.CheckedSize(field),
            // Plain elements have nothing to check: only the count is (no loop over the elements' constant sizes).
            FieldKind.StructArray when field.ElementIsPlain => $"{RuntimeNames.WireLength}.PlainArray({member}, {Int(field.ElementSize!.Value)}, {Width(field)}, {name})",
            FieldKind.StructArray => $"{RuntimeNames.WireLength}.Array({member}, {Width(field)}, {name})",
            FieldKind.PrimitiveArray => $"{RuntimeNames.WireLength}.PrimitiveArray<{field.ElementTypeName}>({member}, {Width(field)}, {name})",

            // The minimum already counts a nested structure's fixed part; add what it adds beyond that.
            FieldKind.Struct when place.IsFixedSize != true =>
                $"{RuntimeNames.WireLength}.Struct({member}, {name}) - {place.MinSize?.ToString(CultureInfo.InvariantCulture) ?? MinSizeExpression(field.ElementTypeName!)}",
            _ => null,
        };
    }

    /// <summary>A check of a field of constant size that can still be wrong (a length, a null), as a statement; else null.</summary>
    public static string? ConstantSizeCheck(FieldPlan place)
    {
        var field = place.Field;
        return field.Kind switch
        {
            _ when field.Condition is not null => null, // ConditionCode.WriteSizeCheck
            _ when field.Bits is not null => Fields.BitsCode.EncodeCheck(field),
            _ when Fields.CountsCode.SizeCheck(field) is { } counted => counted,
            _ when field.Converter is not null => Fields.ConverterCode.SizeCheck(field),
            _ when Fields.ConstantCode.EncodeCheck(field) is { } check => check,
            FieldKind.FixedBytes => $"{RuntimeNames.WireLength}.Fixed(this.{field.Name}, {Int(field.Length)}, {Quoted(field)});",
            FieldKind.FixedString => Fields.FixedTextCode.SizeCheck(field),
            // A structure of constant size still checks its own members (fixed lengths, nulls, text): its WireSize
            // runs them, and for one with nothing to check the JIT folds it to the constant.
            FieldKind.Struct when place.IsFixedSize == true && !IsAddress(field.ElementTypeName) => $"_ = {RuntimeNames.WireLength}.Struct(this.{field.Name}, {Quoted(field)});",
            _ => null,
        };
    }

    /// <summary>The fewest bytes of a nested structure only the runtime can size, as an expression.</summary>
    public static string MinSizeExpression(string structType) => $"{RuntimeNames.WireLength}.MinOf<{structType}>()";

    /// <summary>Whether a nested structure only the runtime can size is fixed, as an expression.</summary>
    public static string IsFixedSizeExpression(string structType) => $"{RuntimeNames.WireLength}.IsFixed<{structType}>()";

    public static string PrimitiveKeyword(PrimitiveType primitive) => primitive.Keyword();

    /// <summary>The protocol's short name for a field's type, for layouts: <c>u8</c>, <c>i32</c>, <c>bytes</c>...</summary>
    public static string WireTypeName(PrimitiveType primitive) => primitive switch
    {
        PrimitiveType.Byte => "u8",
        PrimitiveType.SByte => "i8",
        PrimitiveType.Boolean => "bool",
        PrimitiveType.UInt16 => "u16",
        PrimitiveType.Int16 => "i16",
        PrimitiveType.UInt32 => "u32",
        PrimitiveType.Int32 => "i32",
        PrimitiveType.UInt64 => "u64",
        _ => "i64",
    };

    /// <summary>The runtime's name for the field's prefix width: the <c>PrefixWidth.U16</c> member, fully qualified.</summary>
    public static string Width(FieldModel field) => RuntimeNames.PrefixWidth + ".U" + (field.Prefix * 8).ToString(CultureInfo.InvariantCulture);

    public static string Quoted(FieldModel field) => "\"" + field.WireName + "\"";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The runtime's addresses write themselves with <c>CopyTo</c> (and read with <c>ReadFixed</c>, like plain structures).</summary>
    private static bool IsAddress(string? typeName) => typeName is RuntimeNames.Ipv4Address or RuntimeNames.Ipv6Address;

    private static PrimitiveType PrefixType(FieldModel field) => field.Prefix switch
    {
        1 => PrimitiveType.Byte,
        2 => PrimitiveType.UInt16,
        _ => PrimitiveType.UInt32,
    };

    private static string ReadInteger(PrimitiveType primitive, bool bigEndian, string run, int offset) => primitive switch
    {
        PrimitiveType.Byte => $"{run}[{Int(offset)}]",
        PrimitiveType.SByte => $"(sbyte){run}[{Int(offset)}]",
        PrimitiveType.Boolean => $"{run}[{Int(offset)}] == 1",
        _ => $"{Binary}Read{primitive}{(bigEndian ? "BigEndian" : "LittleEndian")}({At(run, offset)})",
    };

    private static string WriteInteger(PrimitiveType primitive, bool bigEndian, string run, int offset, string value) => primitive switch
    {
        PrimitiveType.Byte => $"{run}[{Int(offset)}] = {value};",
        PrimitiveType.SByte => $"{run}[{Int(offset)}] = (byte){value};",
        PrimitiveType.Boolean => $"{run}[{Int(offset)}] = {value} ? (byte)1 : (byte)0;",
        _ => $"{Binary}Write{primitive}{(bigEndian ? "BigEndian" : "LittleEndian")}({At(run, offset)}, {value});",
    };

    private static string At(string run, int offset) => offset == 0 ? run : $"{run}.Slice({Int(offset)})";
}
