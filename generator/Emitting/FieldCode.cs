using System.Globalization;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Emitting;

/// <summary>The C# expressions and statements that read, write and size one field.</summary>
internal static class FieldCode
{
    private const string Runtime = "global::ProtocolGen.";

    public static string Read(FieldModel field) => field.Kind switch
    {
        FieldKind.Primitive => ReadPrimitive(field),
        FieldKind.Enum => $"({field.TypeName}){ReadPrimitive(field)}",
        FieldKind.FixedBytes => $"reader.ReadBytes({Int(field.Length)})",
        FieldKind.PrefixedBytes => $"reader.ReadBytes({ReadLength(field)})",
        FieldKind.PrefixedString => $"reader.ReadUtf8({ReadLength(field)})",
        FieldKind.RestBytes => "reader.ReadBytes(reader.Remaining)",
        FieldKind.RestString => "reader.ReadUtf8(reader.Remaining)",
        FieldKind.Struct => $"reader.ReadStruct<{field.ElementTypeName}>()",
        FieldKind.StructArray => $"reader.{(field.Shape == SequenceShape.Array ? "ReadArray" : "ReadImmutableArray")}<{field.ElementTypeName}>(reader.ReadCountPrefix<{field.ElementTypeName}>({Width(field)}{BigEndianArgument(field)}))",
        FieldKind.PrimitiveArray => $"reader.{(field.Shape == SequenceShape.Array ? "ReadPrimitiveArray" : "ReadPrimitiveImmutableArray")}<{field.ElementTypeName}>(reader.ReadCountPrefix({Width(field)}, {Int(LayoutPlan.PrimitiveSize(field.Primitive))}{BigEndianArgument(field)}){BigEndianArgument(field)})",
        _ => throw new System.InvalidOperationException(field.Kind.ToString()),
    };

    /// <summary>Statements that write the field from <c>this</c>.</summary>
    public static string[] Write(FieldModel field)
    {
        var member = "this." + field.Name;
        var quotedName = "\"" + field.WireName + "\"";
        return field.Kind switch
        {
            FieldKind.Primitive => new[] { $"writer.{WriteMethod(field)}({member});" },
            FieldKind.Enum => new[] { $"writer.{WriteMethod(field)}(({PrimitiveKeyword(field.Primitive)}){member});" },
            FieldKind.FixedBytes => new[] { $"writer.WriteFixedBytes({Bytes(field)}, {Int(field.Length)}, {quotedName});" },
            FieldKind.PrefixedBytes => new[]
            {
                $"writer.WritePrefix({Width(field)}, {Size(field)}, {quotedName}{BigEndianArgument(field)});",
                $"writer.WriteBytes({Bytes(field)});",
            },
            FieldKind.PrefixedString => new[]
            {
                $"writer.WritePrefix({Width(field)}, {Size(field)}, {quotedName}{BigEndianArgument(field)});",
                $"writer.WriteUtf8({member});",
            },
            FieldKind.RestBytes => new[] { $"writer.WriteBytes({Bytes(field)});" },
            FieldKind.RestString => new[] { $"writer.WriteUtf8({member});" },
            FieldKind.Struct => new[] { $"writer.WriteStruct({member});" },
            FieldKind.StructArray => new[]
            {
                $"writer.WritePrefix({Width(field)}, {Runtime}WireLength.Count({member}), {quotedName}{BigEndianArgument(field)});",
                $"writer.WriteArray<{field.ElementTypeName}>({member});",
            },
            FieldKind.PrimitiveArray => new[]
            {
                $"writer.WritePrefix({Width(field)}, {Runtime}WireLength.Count({member}), {quotedName}{BigEndianArgument(field)});",
                $"writer.WritePrimitiveArray<{field.ElementTypeName}>({member}{BigEndianArgument(field)});",
            },
            _ => throw new System.InvalidOperationException(field.Kind.ToString()),
        };
    }

    /// <summary>The fewest bytes of a nested structure only the runtime can size, as an expression.</summary>
    public static string MinSizeExpression(string structType) => $"{Runtime}WireLength.MinOf<{structType}>()";

    /// <summary>Whether a nested structure only the runtime can size is fixed, as an expression.</summary>
    public static string IsFixedSizeExpression(string structType) => $"{Runtime}WireLength.IsFixed<{structType}>()";

    /// <summary>The size of the field's variable part (its payload, not its prefix), for <c>WireSize</c>.</summary>
    public static string VariableSize(FieldModel field) => field.Kind switch
    {
        FieldKind.PrefixedBytes or FieldKind.RestBytes or FieldKind.PrefixedString or FieldKind.RestString => Size(field),
        FieldKind.Struct => $"{Runtime}WireLength.Struct(this.{field.Name})",
        FieldKind.StructArray => $"{Runtime}WireLength.Array(this.{field.Name})",
        FieldKind.PrimitiveArray => $"{Runtime}WireLength.PrimitiveArray<{field.ElementTypeName}>(this.{field.Name})",
        _ => throw new System.InvalidOperationException(field.Kind.ToString()),
    };

    public static string PrimitiveKeyword(PrimitiveType primitive) => primitive switch
    {
        PrimitiveType.Byte => "byte",
        PrimitiveType.SByte => "sbyte",
        PrimitiveType.Boolean => "bool",
        PrimitiveType.UInt16 => "ushort",
        PrimitiveType.Int16 => "short",
        PrimitiveType.UInt32 => "uint",
        PrimitiveType.Int32 => "int",
        PrimitiveType.UInt64 => "ulong",
        _ => "long",
    };

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

    private static string Size(FieldModel field) => field.Kind is FieldKind.PrefixedString or FieldKind.RestString
        ? $"{Runtime}WireLength.Utf8(this.{field.Name})"
        : $"{Runtime}WireLength.Bytes(this.{field.Name})";

    private static string Bytes(FieldModel field) => field.Shape == SequenceShape.ReadOnlyMemory
        ? $"this.{field.Name}.Span"
        : $"this.{field.Name}";

    private static string ReadPrimitive(FieldModel field) => field.Primitive switch
    {
        PrimitiveType.Byte => "reader.ReadByte()",
        PrimitiveType.SByte => "reader.ReadSByte()",
        PrimitiveType.Boolean => "reader.ReadBoolean()",
        _ => $"reader.Read{MethodSuffix(field)}()",
    };

    private static string WriteMethod(FieldModel field) => field.Primitive switch
    {
        PrimitiveType.Byte => "WriteByte",
        PrimitiveType.SByte => "WriteSByte",
        PrimitiveType.Boolean => "WriteBoolean",
        _ => "Write" + MethodSuffix(field),
    };

    private static string MethodSuffix(FieldModel field) => field.Primitive + (field.BigEndian ? "BigEndian" : string.Empty);

    private static string ReadLength(FieldModel field) => $"reader.ReadLengthPrefix({Width(field)}{BigEndianArgument(field)})";

    private static string Width(FieldModel field) => Runtime + "PrefixWidth.U" + (field.Prefix * 8).ToString(CultureInfo.InvariantCulture);

    private static string BigEndianArgument(FieldModel field) => field.BigEndian ? ", bigEndian: true" : string.Empty;

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
