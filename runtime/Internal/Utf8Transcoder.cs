using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ProtocolGen.Internal;

/// <summary>
/// UTF-8 to UTF-16 for text that <see cref="Utf8Validator"/> has already accepted: it checks nothing, so it must
/// never see unchecked bytes.
/// </summary>
/// <remarks>
/// A block of 16 bytes is decoded as if each byte started a sequence of 1 to 3 bytes (its next two bytes read by
/// unaligned loads), the lanes of continuation bytes are dropped by one shuffle per 8 lanes (<see
/// cref="Utf8Tables.PackLanes"/>), and the rest is stored: a sequence that crosses a block edge belongs to the block
/// of its lead byte. A block of ASCII is widened; a 4-byte lead (a surrogate pair) ends its block early and is
/// decoded on its own; the last 17 bytes or fewer go through the scalar loop, as all the text does without SSSE3.
/// With AVX2 the arithmetic is done on all 16 lanes at once.
/// </remarks>
internal static class Utf8Transcoder
{
    private const int Block = 16;

    /// <summary>The UTF-16 chars of <paramref name="utf8"/>; <paramref name="destination"/> needs 16 chars more than the byte count.</summary>
    public static int Transcode(ReadOnlySpan<byte> utf8, Span<char> destination) =>
        Avx2.IsSupported ? TranscodeVector256(utf8, destination)
        : Ssse3.IsSupported ? TranscodeVector128(utf8, destination)
        : TranscodeScalar(utf8, 0, utf8.Length, destination, 0);

    /// <summary>The path with 256-bit arithmetic (AVX2); a test calls it directly.</summary>
    internal static int TranscodeVector256(ReadOnlySpan<byte> utf8, Span<char> destination) => TranscodeVector(utf8, destination, wide: true);

    /// <summary>The 128-bit path (SSSE3); a test calls it directly.</summary>
    internal static int TranscodeVector128(ReadOnlySpan<byte> utf8, Span<char> destination) => TranscodeVector(utf8, destination, wide: false);

    // Inlined into both callers with wide constant, so each has only its own arithmetic.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int TranscodeVector(ReadOnlySpan<byte> utf8, Span<char> destination, bool wide)
    {
        if (destination.Length < utf8.Length + Block)
        {
            throw new ArgumentException("The destination needs 16 chars more than the UTF-8 byte count.", nameof(destination));
        }

        ref var source = ref MemoryMarshal.GetReference(utf8);
        ref var target = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(destination));
        ref var pack = ref MemoryMarshal.GetReference(Utf8Tables.PackLanes);
        nuint at = 0;
        nuint written = 0;

        // Each block also reads the two bytes after it, and a 4-byte lead in its last lane the three after it: kept
        // inside the text even if its bytes changed since they were validated (memory a device still writes).
        var end = (nuint)utf8.Length;
        while (at + Block + 3 <= end)
        {
            var input = Vector128.LoadUnsafe(ref source, at);
            var notAscii = input.ExtractMostSignificantBits();
            if (notAscii == 0)
            {
                var (low, high) = Vector128.Widen(input);
                low.StoreUnsafe(ref target, written);
                high.StoreUnsafe(ref target, written + 8);
                at += Block;
                written += Block;
                continue;
            }

            // Continuation bytes (10xxxxxx, below 0xC0 as signed bytes) make no char of their own.
            var keep = ~Vector128.LessThan(input.AsSByte(), Vector128.Create((sbyte)-64)).ExtractMostSignificantBits() & 0xFFFF;

            // A 4-byte lead (0xF0 and up: not ASCII, and above -17 as a signed byte) ends the block: the lanes
            // before it are stored, and its surrogate pair is made below.
            var fours = Vector128.GreaterThan(input.AsSByte(), Vector128.Create((sbyte)-17)).ExtractMostSignificantBits() & notAscii;
            var step = (nuint)Block;
            if (fours != 0)
            {
                step = (nuint)BitOperations.TrailingZeroCount(fours);
                keep &= (1u << (int)step) - 1;
            }

            Vector128<ushort> chars0, chars1;
            if (wide)
            {
                var chars = Chars(
                    Avx2.ConvertToVector256Int16(input),
                    Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref source, at + 1)),
                    Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref source, at + 2)));
                chars0 = chars.GetLower().AsUInt16();
                chars1 = chars.GetUpper().AsUInt16();
            }
            else
            {
                var (lead0, lead1) = Vector128.Widen(input);
                var (next0, next1) = Vector128.Widen(Vector128.LoadUnsafe(ref source, at + 1));
                var (last0, last1) = Vector128.Widen(Vector128.LoadUnsafe(ref source, at + 2));
                chars0 = Chars(lead0.AsInt16(), next0.AsInt16(), last0.AsInt16()).AsUInt16();
                chars1 = Chars(lead1.AsInt16(), next1.AsInt16(), last1.AsInt16()).AsUInt16();
            }

            var lanes = keep & 0xFF;
            Ssse3.Shuffle(chars0.AsByte(), Vector128.LoadUnsafe(ref pack, lanes * 16)).AsUInt16().StoreUnsafe(ref target, written);
            written += (nuint)BitOperations.PopCount(lanes);
            lanes = keep >> 8;
            Ssse3.Shuffle(chars1.AsByte(), Vector128.LoadUnsafe(ref pack, lanes * 16)).AsUInt16().StoreUnsafe(ref target, written);
            written += (nuint)BitOperations.PopCount(lanes);
            at += step;

            if (fours != 0)
            {
                var scalar = ((Unsafe.Add(ref source, at) & 0x07u) << 18) | ((Unsafe.Add(ref source, at + 1) & 0x3Fu) << 12)
                    | ((Unsafe.Add(ref source, at + 2) & 0x3Fu) << 6) | (Unsafe.Add(ref source, at + 3) & 0x3Fu);
                Unsafe.Add(ref target, written) = (ushort)(0xD7C0 + (scalar >> 10));
                Unsafe.Add(ref target, written + 1) = (ushort)(0xDC00 | (scalar & 0x3FF));
                written += 2;
                at += 4;
            }
        }

        return TranscodeScalar(utf8, (int)at, utf8.Length, destination, (int)written);
    }

    // Each lane (a byte, zero-extended) as the char of a sequence of 1 to 3 bytes starting there: shifting the lead
    // left pushes its length bits out of the 16-bit lane (meaningless in continuation lanes, which are dropped).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<short> Chars(Vector128<short> lead, Vector128<short> next, Vector128<short> last)
    {
        var six = Vector128.Create((short)0x3F);
        var leadAndNext = (lead << 6) | (next & six);
        var two = leadAndNext & Vector128.Create((short)0x7FF);
        var three = (leadAndNext << 6) | (last & six);
        var ascii = Vector128.LessThan(lead, Vector128.Create((short)0x80));
        var isThree = Vector128.GreaterThan(lead, Vector128.Create((short)0xDF));
        return Vector128.ConditionalSelect(ascii, lead, Vector128.ConditionalSelect(isThree, three, two));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<short> Chars(Vector256<short> lead, Vector256<short> next, Vector256<short> last)
    {
        var six = Vector256.Create((short)0x3F);
        var leadAndNext = (lead << 6) | (next & six);
        var two = leadAndNext & Vector256.Create((short)0x7FF);
        var three = (leadAndNext << 6) | (last & six);
        var ascii = Vector256.LessThan(lead, Vector256.Create((short)0x80));
        var isThree = Vector256.GreaterThan(lead, Vector256.Create((short)0xDF));
        return Vector256.ConditionalSelect(ascii, lead, Vector256.ConditionalSelect(isThree, three, two));
    }

    /// <summary>
    /// The scalar loop: decodes the sequences whose lead byte lies in [<paramref name="start"/>, <paramref name="stop"/>)
    /// (continuation bytes at <paramref name="start"/> belong to a sequence before it) into
    /// <paramref name="destination"/> from <paramref name="written"/>, and returns the new count of chars written.
    /// </summary>
    internal static int TranscodeScalar(ReadOnlySpan<byte> utf8, int start, int stop, Span<char> destination, int written)
    {
        var at = Skip(utf8, start);
        while (at < stop)
        {
            uint lead = utf8[at];
            if (lead < 0x80)
            {
                destination[written++] = (char)lead;
                at++;
            }
            else if (lead < 0xE0)
            {
                destination[written++] = (char)(((lead & 0x1F) << 6) | (utf8[at + 1] & 0x3Fu));
                at += 2;
            }
            else if (lead < 0xF0)
            {
                destination[written++] = (char)(((lead & 0x0F) << 12) | ((utf8[at + 1] & 0x3Fu) << 6) | (utf8[at + 2] & 0x3Fu));
                at += 3;
            }
            else
            {
                var scalar = ((lead & 0x07) << 18) | ((utf8[at + 1] & 0x3Fu) << 12) | ((utf8[at + 2] & 0x3Fu) << 6) | (utf8[at + 3] & 0x3Fu);
                destination[written++] = (char)(0xD7C0 + (scalar >> 10));
                destination[written++] = (char)(0xDC00 | (scalar & 0x3FF));
                at += 4;
            }
        }

        return written;
    }

    // The first position at or after at that is not a continuation byte.
    private static int Skip(ReadOnlySpan<byte> utf8, int at)
    {
        while (at < utf8.Length && (utf8[at] & 0xC0) == 0x80)
        {
            at++;
        }

        return at;
    }
}
