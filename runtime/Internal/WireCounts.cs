using System;
using System.Collections.Immutable;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using ProtocolGen.Wire;

// For generated code; not a stable API (see Internal/NamespaceDoc.cs).
namespace ProtocolGen.Internal;

/// <summary>
/// Arrays of a fixed count (<c>[FixedCount(n)]</c>) for generated codecs: <c>WireSize</c> refuses any other count, and
/// null arrays or elements, before a byte is written.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WireCounts
{
    /// <summary>Checks that <paramref name="items"/> holds exactly <paramref name="count"/> integers, booleans or enums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Primitives<T>(T[]? items, int count, string field)
        where T : unmanaged => Check(items is null ? throw WireEncodeException.Null(field) : items.Length, count, field);

    /// <summary>Checks that <paramref name="items"/> holds exactly <paramref name="count"/> integers, booleans or enums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Primitives<T>(ImmutableArray<T> items, int count, string field)
        where T : unmanaged => Check(items.IsDefault ? throw WireEncodeException.Null(field) : items.Length, count, field);

    /// <summary>
    /// Checks that <paramref name="items"/> holds exactly <paramref name="count"/> plain structures (constant size,
    /// nothing of their own to check); one holding references is checked element by element, so a null is refused.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Plain<T>(T[]? items, int count, string field)
        where T : IWireStruct<T> => Plain((ReadOnlySpan<T>)(items ?? throw WireEncodeException.Null(field)), count, field);

    /// <inheritdoc cref="Plain{T}(T[], int, string)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Plain<T>(ImmutableArray<T> items, int count, string field)
        where T : IWireStruct<T> => Plain(items.IsDefault ? throw WireEncodeException.Null(field) : items.AsSpan(), count, field);

    /// <summary>The size of exactly <paramref name="count"/> structures that write themselves; another count, a null array or element throws.</summary>
    public static int Structs<T>(T[]? items, int count, string field)
        where T : IWireStruct<T> => Structs((ReadOnlySpan<T>)(items ?? throw WireEncodeException.Null(field)), count, field);

    /// <inheritdoc cref="Structs{T}(T[], int, string)"/>
    public static int Structs<T>(ImmutableArray<T> items, int count, string field)
        where T : IWireStruct<T> => Structs(items.IsDefault ? throw WireEncodeException.Null(field) : items.AsSpan(), count, field);

    /// <summary>Copies <paramref name="bytes"/> (a whole number of integers or enums, never booleans) into a new array.</summary>
    public static T[] ReadPrimitives<T>(ReadOnlySpan<byte> bytes, bool bigEndian)
        where T : unmanaged => WireArrays.ReadPrimitives<T>(bytes, bigEndian, out _)!;

    /// <summary>
    /// For a view's <c>Check</c>: <paramref name="count"/> when that many elements of at least
    /// <paramref name="minElementSize"/> bytes fit in <paramref name="remaining"/> bytes, else -1.
    /// </summary>
    public static int ViewCount(int remaining, int count, int minElementSize) =>
        (long)count * minElementSize <= remaining ? count : -1;

    private static void Check(int length, int count, string field)
    {
        if (length != count)
        {
            throw WireEncodeException.WrongFixedCount(field, length, count);
        }
    }

    private static void Plain<T>(ReadOnlySpan<T> items, int count, string field)
        where T : IWireStruct<T>
    {
        Check(items.Length, count, field);
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            foreach (var item in items)
            {
                _ = WireLength.Struct(item, field);
            }
        }
    }

    private static int Structs<T>(ReadOnlySpan<T> items, int count, string field)
        where T : IWireStruct<T>
    {
        Check(items.Length, count, field);
        var total = 0;
        foreach (var item in items)
        {
            total = WireLength.Add(total, WireLength.Struct(item, field), field);
        }

        return total;
    }
}
