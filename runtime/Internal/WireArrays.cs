using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ProtocolGen.Wire;

// For generated code; not a stable API (see Internal/NamespaceDoc.cs).
namespace ProtocolGen.Internal;

/// <summary>Counted arrays of integers, booleans and enums for generated codecs: one copy, then a byte swap where the order differs.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WireArrays
{
    /// <summary>
    /// Copies <paramref name="bytes"/> (a whole number of elements, already checked against the frame) into a new
    /// array, or returns null when a boolean is neither 0 nor 1 (<paramref name="badOffset"/> says where).
    /// </summary>
    public static T[]? ReadPrimitives<T>(ReadOnlySpan<byte> bytes, bool bigEndian, out int badOffset)
        where T : unmanaged
    {
        badOffset = 0;
        if (bytes.IsEmpty)
        {
            return System.Array.Empty<T>();
        }

        if (typeof(T) == typeof(bool) && bytes.IndexOfAnyExcept((byte)0, (byte)1) is var bad and >= 0)
        {
            badOffset = bad;
            return null;
        }

        var items = new T[bytes.Length / Unsafe.SizeOf<T>()];
        bytes.CopyTo(MemoryMarshal.AsBytes(items.AsSpan()));
        if (bigEndian == BitConverter.IsLittleEndian)
        {
            WireByteOrder.Reverse(items.AsSpan());
        }

        return items;
    }

    /// <summary>Writes <paramref name="items"/> at the start of <paramref name="destination"/> and returns the bytes written.</summary>
    public static int WritePrimitives<T>(ReadOnlySpan<T> items, Span<byte> destination, bool bigEndian)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(items);
        var target = destination.Slice(0, bytes.Length);
        bytes.CopyTo(target);
        if (bigEndian == BitConverter.IsLittleEndian)
        {
            WireByteOrder.Reverse(MemoryMarshal.Cast<byte, T>(target));
        }

        return bytes.Length;
    }

    /// <summary>A new array of <paramref name="count"/> elements; the shared empty array for 0.</summary>
    public static T[] New<T>(int count) => count == 0 ? System.Array.Empty<T>() : new T[count];
}
