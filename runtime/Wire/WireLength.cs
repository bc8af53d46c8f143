using System;
using System.Collections.Immutable;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text;
using ProtocolGen.Internal;

namespace ProtocolGen.Wire;

/// <summary>
/// Sizes of variable-length fields on the wire, for <see cref="IWireWritable.WireSize"/> properties, generated or
/// hand-written. Every size is strict: null, text that is not valid UTF-16 and sizes past 2 GiB throw
/// <see cref="WireEncodeException"/> (the overloads taking a field name it), never count as empty or wrap.
/// A stable API for hand-written codecs; the overloads hidden from completion are the ones generated code calls.
/// </summary>
public static class WireLength
{
    /// <summary>The largest value a prefix of <paramref name="width"/> can hold.</summary>
    public static ulong MaxPrefixValue(PrefixWidth width) => width switch
    {
        PrefixWidth.U8 => byte.MaxValue,
        PrefixWidth.U16 => ushort.MaxValue,
        _ => uint.MaxValue,
    };

    /// <summary>The byte count of <paramref name="value"/> in UTF-8; null or a lone surrogate throws (prefer the overload naming the field).</summary>
    /// <exception cref="WireEncodeException">Null, or not valid UTF-16.</exception>
    public static int Utf8(string? value) => WireText.Count(value, nameof(value));

    /// <summary>The length of <paramref name="value"/>; null throws (prefer the overload naming the field).</summary>
    /// <exception cref="WireEncodeException">Null.</exception>
    public static int Bytes(byte[]? value) => NotNull(value, nameof(value)).Length;

    /// <summary>The length of <paramref name="value"/>.</summary>
    public static int Bytes(ReadOnlyMemory<byte> value) => value.Length;

    /// <summary>The size of a nested structure.</summary>
    public static int Struct<T>(T value)
        where T : IWireWritable => value.WireSize;

    /// <summary>The fewest bytes a <typeparamref name="T"/> takes.</summary>
    public static int MinOf<T>()
        where T : IWireStruct<T> => T.MinWireSize;

    /// <summary>Whether every <typeparamref name="T"/> takes the same number of bytes.</summary>
    public static bool IsFixed<T>()
        where T : IWireStruct<T> => T.IsFixedSize;

    /// <summary>The size of every element of <paramref name="items"/>, each element checked; a default array throws.</summary>
    /// <exception cref="WireEncodeException">A default array, a null or refused element, or past 2 GiB.</exception>
    public static int Array<T>(ImmutableArray<T> items)
        where T : IWireStruct<T> => items.IsDefault ? throw WireEncodeException.Null(nameof(items)) : Array(items.AsSpan());

    /// <summary>The size of every element of <paramref name="items"/>, each element checked; null throws.</summary>
    /// <exception cref="WireEncodeException">A null array, a null or refused element, or past 2 GiB.</exception>
    public static int Array<T>(T[]? items)
        where T : IWireStruct<T> => Array((ReadOnlySpan<T>)NotNull(items, nameof(items)));

    /// <summary>The size of every element of <paramref name="items"/>, each element checked.</summary>
    /// <exception cref="WireEncodeException">A null or refused element, or past 2 GiB.</exception>
    public static int Array<T>(ReadOnlySpan<T> items)
        where T : IWireStruct<T> => Array(items, PrefixWidth.U32, nameof(items));

    /// <summary>The size of an array of integers, booleans or enums; a default array throws.</summary>
    /// <exception cref="WireEncodeException">A default array, or past 2 GiB.</exception>
    public static int PrimitiveArray<T>(ImmutableArray<T> items)
        where T : unmanaged => PrimitiveArray(items, PrefixWidth.U32, nameof(items));

    /// <summary>The size of an array of integers, booleans or enums; null throws.</summary>
    /// <exception cref="WireEncodeException">A null array, or past 2 GiB.</exception>
    public static int PrimitiveArray<T>(T[]? items)
        where T : unmanaged => PrimitiveArray(items, PrefixWidth.U32, nameof(items));

    /// <summary>The number of elements of <paramref name="items"/>; a default array throws.</summary>
    /// <exception cref="WireEncodeException">A default array.</exception>
    public static int Count<T>(ImmutableArray<T> items) => items.IsDefault ? throw WireEncodeException.Null(nameof(items)) : items.Length;

    /// <summary>The number of elements of <paramref name="items"/>; null throws.</summary>
    /// <exception cref="WireEncodeException">A null array.</exception>
    public static int Count<T>(T[]? items) => NotNull(items, nameof(items)).Length;

    // The checked sizes below are what generated WireSize properties call. Each refuses what the wire cannot
    // carry with a WireEncodeException naming the field, so nothing is refused once writing has begun.

    /// <summary><paramref name="size"/> plus <paramref name="part"/>; past 2 GiB throws, naming <paramref name="field"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Add(int size, int part, string field)
    {
        var total = (long)size + part;
        return total <= int.MaxValue ? (int)total : throw WireEncodeException.TooLarge(field);
    }

    /// <summary>The length of prefixed bytes, checked against the prefix.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bytes(ReadOnlyMemory<byte> value, PrefixWidth width, string field) => Prefixed(value.Length, width, field);

    /// <summary>The length of prefixed bytes, checked against the prefix; null throws.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bytes(byte[]? value, PrefixWidth width, string field) => Prefixed(NotNull(value, field).Length, width, field);

    /// <summary>The length of bytes to the end of the frame; null throws.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bytes(byte[]? value, string field) => NotNull(value, field).Length;

    /// <summary>Checks that fixed-length bytes have exactly <paramref name="length"/> bytes.</summary>
    public static void Fixed(ReadOnlyMemory<byte> value, int length, string field)
    {
        if (value.Length != length)
        {
            throw WireEncodeException.WrongFixedLength(field, value.Length, length);
        }
    }

    /// <summary>Checks that fixed-length bytes are not null and have exactly <paramref name="length"/> bytes.</summary>
    public static void Fixed(byte[]? value, int length, string field) => Fixed((ReadOnlyMemory<byte>)NotNull(value, field), length, field);

    /// <summary>The UTF-8 size of prefixed text, checked against the prefix; null or invalid UTF-16 throws.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Utf8(string? value, PrefixWidth width, string field) => Prefixed(WireText.Count(value, field), width, field);

    /// <summary>The UTF-8 size of text to the end of the frame; null or invalid UTF-16 throws.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Utf8(string? value, string field) => WireText.Count(value, field);

    /// <summary>The size of a nested structure; null throws.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static int Struct<T>(T value, string field)
        where T : IWireWritable => Required(value, field).WireSize;

    /// <summary>Checks that a nested structure of constant size is not null (free for a struct type).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Present<T>(T value, string field)
    {
        if (value is null)
        {
            throw WireEncodeException.Null(field);
        }
    }

    /// <summary>The size of counted structures, the count checked against the prefix; a null or default array, or a null element, throws.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Array<T>(ImmutableArray<T> items, PrefixWidth width, string field)
        where T : IWireStruct<T> => items.IsDefault ? throw WireEncodeException.Null(field) : Array(items.AsSpan(), width, field);

    /// <summary>The size of counted structures, the count checked against the prefix; a null array or element throws.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Array<T>(T[]? items, PrefixWidth width, string field)
        where T : IWireStruct<T> => Array((ReadOnlySpan<T>)NotNull(items, field), width, field);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Array<T>(ReadOnlySpan<T> items, PrefixWidth width, string field)
        where T : IWireStruct<T>
    {
        Prefixed(items.Length, width, field);
        if (T.IsFixedSize)
        {
            // Each element's own checks (fixed lengths, nulls) run even though its size is known; for a value type
            // with nothing to check its WireSize is a constant and the loop does no work.
            foreach (var item in items)
            {
                _ = Struct(item, field);
            }

            var fixedTotal = (long)items.Length * T.MinWireSize;
            return fixedTotal <= int.MaxValue ? (int)fixedTotal : throw WireEncodeException.TooLarge(field);
        }

        var total = 0;
        foreach (var item in items)
        {
            total = Add(total, Struct(item, field), field);
        }

        return total;
    }

    /// <summary>
    /// The size of counted structures of <paramref name="elementSize"/> bytes each with nothing to check (plain, as
    /// the generator proved; one holding references is checked element by element), the count checked against the prefix; a null or default array throws.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int PlainArray<T>(ImmutableArray<T> items, int elementSize, PrefixWidth width, string field)
        where T : IWireStruct<T> =>
            RuntimeHelpers.IsReferenceOrContainsReferences<T>() ? Array(items, width, field) // a null element (or member) is still refused
            : items.IsDefault ? throw WireEncodeException.Null(field) : PrimitiveArray(items.Length, elementSize, width, field);

    /// <summary>
    /// The size of counted structures of <paramref name="elementSize"/> bytes each with nothing to check (plain, as
    /// the generator proved; one holding references is checked element by element), the count checked against the prefix; a null array throws.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int PlainArray<T>(T[]? items, int elementSize, PrefixWidth width, string field)
        where T : IWireStruct<T> =>
            RuntimeHelpers.IsReferenceOrContainsReferences<T>() ? Array(items, width, field) // a null element (or member) is still refused
            : PrimitiveArray(NotNull(items, field).Length, elementSize, width, field);

    /// <summary>The size of counted integers, booleans or enums, the count checked against the prefix; a null or default array throws.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static int PrimitiveArray<T>(ImmutableArray<T> items, PrefixWidth width, string field)
        where T : unmanaged => items.IsDefault ? throw WireEncodeException.Null(field) : PrimitiveArray(items.Length, Unsafe.SizeOf<T>(), width, field);

    /// <summary>The size of counted integers, booleans or enums, the count checked against the prefix; a null array throws.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static int PrimitiveArray<T>(T[]? items, PrefixWidth width, string field)
        where T : unmanaged => PrimitiveArray(NotNull(items, field).Length, Unsafe.SizeOf<T>(), width, field);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PrimitiveArray(int count, int elementSize, PrefixWidth width, string field)
    {
        Prefixed(count, width, field);
        var total = (long)count * elementSize;
        return total <= int.MaxValue ? (int)total : throw WireEncodeException.TooLarge(field);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Prefixed(int count, PrefixWidth width, string field)
    {
        var max = MaxPrefixValue(width);
        return (ulong)count <= max ? count : throw WireEncodeException.TooLongForPrefix(field, count, width, max);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TValue NotNull<TValue>(TValue? value, string field)
        where TValue : class => value ?? throw WireEncodeException.Null(field);

    private static T Required<T>(T value, string field)
        where T : IWireWritable
    {
        Present(value, field);
        return value;
    }

    /// <summary>A length or count as a u8 prefix; one it cannot hold throws, naming <paramref name="field"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte ToU8(int count, string field) => (uint)count <= byte.MaxValue ? (byte)count : throw WireEncodeException.TooLongForPrefix(field, count, PrefixWidth.U8, byte.MaxValue);

    /// <summary>A length or count as a u16 prefix; one it cannot hold throws, naming <paramref name="field"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort ToU16(int count, string field) => (uint)count <= ushort.MaxValue ? (ushort)count : throw WireEncodeException.TooLongForPrefix(field, count, PrefixWidth.U16, ushort.MaxValue);
}
