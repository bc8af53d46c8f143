using System;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;

// For generated code; not a stable API (see Internal/NamespaceDoc.cs).
namespace ProtocolGen.Internal;

/// <summary>
/// Bit-field containers of sizes the BCL has no reader for (3, 5, 6 and 7 bytes), in either byte order, and the
/// encode error of a value wider than its bits. Containers of 1, 2, 4 and 8 bytes use <c>BinaryPrimitives</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WireBits
{
    /// <summary>Reads a big-endian container of <c>bytes.Length</c> (at most 8) bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ReadBigEndian(ReadOnlySpan<byte> bytes)
    {
        ulong value = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            value = value << 8 | bytes[i];
        }

        return value;
    }

    /// <summary>Reads a little-endian container of <c>bytes.Length</c> (at most 8) bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ReadLittleEndian(ReadOnlySpan<byte> bytes)
    {
        ulong value = 0;
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            value = value << 8 | bytes[i];
        }

        return value;
    }

    /// <summary>Writes the low <c>bytes.Length</c> bytes of <paramref name="value"/>, big-endian.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteBigEndian(Span<byte> bytes, ulong value)
    {
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)value;
            value >>= 8;
        }
    }

    /// <summary>Writes the low <c>bytes.Length</c> bytes of <paramref name="value"/>, little-endian.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteLittleEndian(Span<byte> bytes, ulong value)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)value;
            value >>= 8;
        }
    }

    /// <summary>The encode error for a value that needs more bits than its field has: thrown before any byte is written.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static WireEncodeException TooWide(string field, ulong value, int width) =>
        new(field, string.Create(CultureInfo.InvariantCulture, $"holds {value}, which does not fit its {width} bits (at most {(width == 64 ? ulong.MaxValue : (1UL << width) - 1)})."));
}
