namespace ProtocolGen.Generator.Model;

/// <summary>How a field's value is written to and read from the canonical JSON form.</summary>
internal enum JsonForm
{
    /// <summary>A JSON number.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>The enum's name, or its number when it has none.</summary>
    EnumName,

    /// <summary>Bytes as a hex string (of exactly the field's length when it is fixed).</summary>
    Hex,

    /// <summary>A JSON string.</summary>
    Text,

    /// <summary>A nested structure's own JSON object.</summary>
    Object,

    /// <summary>A nested structure with no JSON form (a hand-written codec): its wire bytes in hex.</summary>
    WireHex,

    /// <summary>An array of nested structures' JSON objects.</summary>
    ObjectArray,

    /// <summary>An array of nested structures with no JSON form, each as its wire bytes in hex.</summary>
    WireHexArray,

    /// <summary>An array of numbers, booleans or enum names.</summary>
    Values,
}

/// <summary>How two records compare a field's values.</summary>
internal enum EqualityForm
{
    /// <summary>By <c>==</c>: integers, booleans, enums, text.</summary>
    Operator,

    /// <summary>By content, element by element: bytes and arrays (a record's own <c>Equals</c> would compare references).</summary>
    Content,

    /// <summary>By the type's default equality: a nested structure or address.</summary>
    Default,

    /// <summary>Not compared: a fixed field, a checksum, or a length or count: each derived from its constant, its bytes or its member (both records encode the same bytes; design 4.2).</summary>
    Skipped,
}

/// <summary>The value rules of each field kind: how its value meets JSON and equality. Part of the layout plan.</summary>
internal sealed partial record LayoutPlan
{
    /// <summary>How <paramref name="field"/> is written to and read from JSON.</summary>
    private static JsonForm JsonFormOf(FieldModel field) => field.Kind switch
    {
        FieldKind.Primitive when field.Primitive == PrimitiveType.Boolean => JsonForm.Boolean,
        FieldKind.Primitive => JsonForm.Number,
        FieldKind.Enum => JsonForm.EnumName,
        FieldKind.FixedBytes or FieldKind.PrefixedBytes or FieldKind.RestBytes => JsonForm.Hex,
        FieldKind.PrefixedString or FieldKind.RestString or FieldKind.FixedString or FieldKind.TerminatedString => JsonForm.Text,
        FieldKind.Struct => field.ElementHasJson ? JsonForm.Object : JsonForm.WireHex,
        FieldKind.StructArray => field.ElementHasJson ? JsonForm.ObjectArray : JsonForm.WireHexArray,
        FieldKind.PrimitiveArray => JsonForm.Values,
        _ => throw new System.InvalidOperationException(field.Kind.ToString()),
    };

    /// <summary>How two records compare <paramref name="field"/>.</summary>
    private static EqualityForm EqualityOf(FieldModel field) => field.Fixed is not null || IsChecksum(field) || field.LengthOf is not null
        ? EqualityForm.Skipped
        : field.Converter is not null ? EqualityForm.Default // the member's own type, whatever its wire form
        : field.Shape != SequenceShape.None
            ? EqualityForm.Content
            : field.Kind switch
            {
                FieldKind.Primitive or FieldKind.Enum or FieldKind.PrefixedString or FieldKind.RestString or FieldKind.FixedString or FieldKind.TerminatedString => EqualityForm.Operator,
                _ => EqualityForm.Default,
            };
}
