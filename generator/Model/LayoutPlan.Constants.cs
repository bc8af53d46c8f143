namespace ProtocolGen.Generator.Model;

/// <summary>The layout rules of the schema's constants: <c>[Magic]</c>, <c>[Fixed]</c> and closed enums.</summary>
internal sealed partial record LayoutPlan
{
    /// <summary>
    /// Whether some bytes of the field's head are not a valid value, so reading it has a failure path (and the record
    /// is not plain), though it still reads at a constant offset in its run: a boolean other than 0 or 1, a fixed
    /// value other than its constant, a closed enum's unnamed value.
    /// </summary>
    public static bool RefusesBytes(FieldModel field) =>
        field.Primitive == PrimitiveType.Boolean && field.Bits is null
        || field.Fixed is not null
        || field.Kind == FieldKind.Enum && field.Enum?.Closed is not null
        || field.Kind == FieldKind.FixedString
        || IsChecksum(field);

    /// <summary>Whether the field's value is checked once read (a fixed value or a closed enum's name), beyond the boolean rule.</summary>
    public static bool ChecksValue(FieldModel field) =>
        field.Fixed is not null || field.Kind == FieldKind.Enum && field.Enum?.Closed is not null;

    /// <summary>
    /// Whether encoding checks the field's value: a closed enum, alone or as array elements, must hold names (a fixed
    /// value is written as its constant, so needs none).
    /// </summary>
    public static bool ChecksOnEncode(FieldModel field) =>
        field.Fixed is null && field.Kind is FieldKind.Enum or FieldKind.PrimitiveArray && field.Enum?.Closed is not null;

    /// <summary>Whether an array's elements are checked once read: a closed enum's, each must be named.</summary>
    public static bool ChecksElements(FieldModel field) =>
        field.Kind == FieldKind.PrimitiveArray && field.Enum?.Closed is not null;
}
