using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;

namespace ProtocolGen;

/// <summary>Sizes of variable-length fields on the wire, for generated <see cref="IWireWritable.WireSize"/> properties.</summary>
public static class WireLength
{
    /// <summary>The largest value a prefix of <paramref name="width"/> can hold.</summary>
    public static ulong MaxPrefixValue(PrefixWidth width) => width switch
    {
        PrefixWidth.U8 => byte.MaxValue,
        PrefixWidth.U16 => ushort.MaxValue,
        _ => uint.MaxValue,
    };

    /// <summary>The byte count of <paramref name="value"/> in UTF-8; null counts as empty.</summary>
    public static int Utf8(string? value) => string.IsNullOrEmpty(value) ? 0 : Encoding.UTF8.GetByteCount(value);

    /// <summary>The length of <paramref name="value"/>; null counts as empty.</summary>
    public static int Bytes(byte[]? value) => value?.Length ?? 0;

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

    /// <summary>The size of every element of <paramref name="items"/>; a default array counts as empty.</summary>
    public static int Array<T>(ImmutableArray<T> items)
        where T : IWireStruct<T> => items.IsDefault ? 0 : Array(items.AsSpan());

    /// <summary>The size of every element of <paramref name="items"/>; null counts as empty.</summary>
    public static int Array<T>(T[]? items)
        where T : IWireStruct<T> => Array((ReadOnlySpan<T>)items);

    /// <summary>The size of every element of <paramref name="items"/>.</summary>
    public static int Array<T>(ReadOnlySpan<T> items)
        where T : IWireStruct<T>
    {
        if (T.IsFixedSize)
        {
            return checked(items.Length * T.MinWireSize);
        }

        var total = 0;
        foreach (var item in items)
        {
            total = checked(total + item.WireSize);
        }

        return total;
    }

    /// <summary>The size of an array of integers, booleans or enums; a default array counts as empty.</summary>
    public static int PrimitiveArray<T>(ImmutableArray<T> items)
        where T : unmanaged => items.IsDefault ? 0 : checked(items.Length * Unsafe.SizeOf<T>());

    /// <summary>The size of an array of integers, booleans or enums; null counts as empty.</summary>
    public static int PrimitiveArray<T>(T[]? items)
        where T : unmanaged => items is null ? 0 : checked(items.Length * Unsafe.SizeOf<T>());

    /// <summary>The number of elements of <paramref name="items"/>; a default array counts as empty.</summary>
    public static int Count<T>(ImmutableArray<T> items) => items.IsDefault ? 0 : items.Length;

    /// <summary>The number of elements of <paramref name="items"/>; null counts as empty.</summary>
    public static int Count<T>(T[]? items) => items?.Length ?? 0;
}
