using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

// For generated code; not a stable API (see Internal/NamespaceDoc.cs).
namespace ProtocolGen.Internal;

/// <summary>
/// The arithmetic of a <c>[FrameLength]</c>, <c>value × scale = L + offset</c> with <c>L</c> the body, or the body and
/// the counted header bytes for a whole-frame length, written once for every generated header.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FrameLengths
{
    /// <summary>
    /// The body length a header declares when its field says more: over any cap, and far enough below
    /// <see cref="long.MaxValue"/> that adding the header's size or a stream position cannot overflow.
    /// </summary>
    private const long OverAnyCap = long.MaxValue / 4;

    /// <summary>
    /// The body length <paramref name="value"/> declares: negative when it counts fewer bytes than the header it
    /// includes, and at most <see cref="OverAnyCap"/> however large the field (an 8-byte length, a large scale, a
    /// negative offset).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long BodyLength(ulong value, int scale, int offset, int counted)
    {
        if (value > (ulong)(OverAnyCap / scale))
        {
            return OverAnyCap;
        }

        // value × scale is at most OverAnyCap and offset is an int, so this cannot overflow.
        return Math.Min(((long)value * scale) - offset - counted, OverAnyCap);
    }

    /// <summary>Whether a field holding at most <paramref name="max"/> can declare a body of <paramref name="bodyLength"/> bytes.</summary>
    /// <remarks>Inlined where the generated header passes its constants, so a scale of 1 divides nothing.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool CanDeclare(long bodyLength, int scale, int offset, int counted, ulong max)
    {
        var measured = bodyLength + counted + offset;
        return measured >= 0 && measured % scale == 0 && (ulong)(measured / scale) <= max;
    }

    /// <summary>The field's value for a body of <paramref name="bodyLength"/> bytes, one <see cref="CanDeclare"/> accepts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Value(long bodyLength, int scale, int offset, int counted) => (ulong)((bodyLength + counted + offset) / scale);
}
