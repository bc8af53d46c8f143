namespace ProtocolGen.Generator.Model;

/// <summary>The layout rules of fixed-count arrays (<c>[FixedCount(n)]</c>) and padding (<c>[PadBefore]</c>, <c>[PadAfter]</c>).</summary>
internal sealed partial record LayoutPlan
{
    /// <summary>
    /// Whether a fixed-count array is a head in its run: its elements are integers, booleans, enums or plain
    /// structures, so the whole array is <c>n × size</c> bytes at a constant offset (design 3.2: fixed-count arrays of
    /// plain elements do not break a run). Elements that read themselves make it a tail.
    /// </summary>
    public static bool IsCountedHead(FieldModel field) =>
        field.FixedCount > 0 && (field.Kind == FieldKind.PrimitiveArray || field.Kind == FieldKind.StructArray && field.ElementIsPlain);

    /// <summary>Whether padding can sit where <paramref name="field"/> declares it: before a field with a head in its run, after one with no tail.</summary>
    public static bool PaddingFits(FieldModel field, bool after) => HeadSize(field) is not null && (!after || !HasTail(field));

    /// <summary>
    /// Whether the field keeps its record from being plain though it reads at a constant offset: a fixed-count array
    /// has a count to check on encode (so its record is not written blind by <c>WriteFixed</c>), padding that must
    /// be zero refuses bytes, and so may a converter (<c>[WireConverter]</c>, whose code the record calls both ways).
    /// </summary>
    private static bool BreaksPlain(FieldModel field) => field.FixedCount > 0 || field.Padding is { IsChecked: true } || field.Converter is not null;

    /// <summary>The bytes of a fixed-count array's head: all its elements when they are plain, else none (they are its tail).</summary>
    private static int CountedHeadSize(FieldModel field) => IsCountedHead(field) ? field.FixedCount * CountedElementSize(field)!.Value : 0;

    /// <summary>The fewest bytes of a fixed-count array: its elements' minimum, 0 when only the runtime can size them.</summary>
    private static int CountedMinSize(FieldModel field) => field.FixedCount * (CountedElementSize(field) ?? 0);

    /// <summary>Whether a fixed-count array always takes the same bytes: its elements each do (false when only the runtime knows).</summary>
    private static bool CountedIsFixedSize(FieldModel field) =>
        field.Kind == FieldKind.PrimitiveArray || field.ElementSize is not null && field.ElementIsFixedSize;

    private static int? CountedElementSize(FieldModel field) =>
        field.Kind == FieldKind.PrimitiveArray ? PrimitiveSize(field.Primitive) : field.ElementSize;
}
