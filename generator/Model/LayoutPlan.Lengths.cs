namespace ProtocolGen.Generator.Model;

/// <summary>
/// A length or count held by an earlier field (<c>[LengthOf]</c>, <c>[CountOf]</c>): the field at <see cref="Source"/>
/// is derived, <c>value × Scale = measure + Offset</c>, the measure being the bytes (or, for a count, the elements) of
/// the member at <see cref="Target"/>; with <see cref="FromRecordStart"/> the bytes from the record's first byte
/// through the target's last. Both ends hold the rule (<see cref="FieldModel.LengthOf"/>, <see cref="FieldModel.LengthFrom"/>).
/// </summary>
/// <param name="Source">The index of the length field among the record's fields.</param>
/// <param name="Target">The index of the member it measures (always after <see cref="Source"/>).</param>
/// <param name="Scale">The field's unit: bytes or elements per unit, at least 1.</param>
/// <param name="Offset">What the field counts beyond the measure.</param>
/// <param name="FromRecordStart">Whether the measure counts from the record's first byte.</param>
/// <param name="IsCount">Whether the measure is the target's element count (<c>[CountOf]</c>), not its bytes.</param>
internal sealed record LengthRule(int Source, int Target, int Scale, int Offset, bool FromRecordStart, bool IsCount);

/// <summary>The layout rules of lengths and counts that earlier fields hold.</summary>
internal sealed partial record LayoutPlan
{
    /// <summary>
    /// Whether the field's length or count is an earlier field's value: it has no head (that value is its prefix,
    /// read in its own run), a tail of that many bytes or elements, and ends its run. A structure read from a window of
    /// that length reads itself (no head, whatever its size).
    /// </summary>
    public static bool HasLengthSource(FieldModel field) => field.LengthFrom is not null;
}
