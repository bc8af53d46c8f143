using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text.Unicode;

namespace ProtocolGen.Internal;

/// <summary>
/// Strict UTF-8 validation (the same answer as <see cref="Utf8.IsValid"/>) by the lookup algorithm of Keiser and
/// Lemire ("Validating UTF-8 in less than one instruction per byte", 2021): each byte is judged by three nibble
/// lookups on it and the byte before it, plus whether one of the two bytes before that opened a 3- or 4-byte
/// sequence; a whole block of bytes at a time, with no branch on the data.
/// </summary>
/// <remarks>
/// The BCL's validator is scalar once text leaves ASCII; on mixed log text this one is several times faster
/// (bench/Micro/Utf8DecodeCandidateBenchmarks.cs). The bytes before a block are read by unaligned loads one, two and
/// three bytes back rather than by shifting vectors across lanes, so any block whose start is at least 3 bytes in is
/// judged on its own and the last block may overlap the one before it. Without SSSE3 it is the BCL's validator.
/// </remarks>
internal static class Utf8Validator
{
    // The error bits of the lookups (a byte pair is invalid when all three lookups share a bit).
    private const byte TooShort = 1 << 0;   // a lead byte not followed by a continuation byte
    private const byte TooLong = 1 << 1;    // ASCII followed by a continuation byte
    private const byte Overlong3 = 1 << 2;  // E0 80..9F
    private const byte TooLarge = 1 << 3;   // F4 90..BF, F5..FF
    private const byte Surrogate = 1 << 4;  // ED A0..BF
    private const byte Overlong2 = 1 << 5;  // C0, C1
    private const byte TooLarge1000 = 1 << 6; // F5..FF 80..8F
    private const byte Overlong4 = 1 << 6;  // F0 80..8F
    private const byte TwoConts = 1 << 7;   // a continuation byte after a continuation byte (allowed where expected)
    private const byte Carry = TooShort | TooLong | TwoConts;

    /// <summary>Whether <paramref name="utf8"/> is valid UTF-8 (no overlong form, surrogate or value past U+10FFFF).</summary>
    public static bool IsValid(ReadOnlySpan<byte> utf8)
    {
        if (Avx2.IsSupported && utf8.Length >= 2 * Vector256<byte>.Count)
        {
            return IsValidVector256(utf8);
        }

        return Ssse3.IsSupported ? IsValidVector128(utf8) : Utf8.IsValid(utf8);
    }

    /// <summary>The 128-bit path (SSSE3), for any length; a test calls it directly.</summary>
    internal static bool IsValidVector128(ReadOnlySpan<byte> utf8)
    {
        const int Block = 16;
        if (utf8.Length < 2 * Block)
        {
            return IsValidShort(utf8);
        }

        ref var source = ref MemoryMarshal.GetReference(utf8);

        // The first block has nothing before it: shifting it in zeros (ASCII) gives the bytes before each byte.
        var input = Vector128.LoadUnsafe(ref source);
        var error = Errors(input, Sse2.ShiftLeftLogical128BitLane(input, 1), Sse2.ShiftLeftLogical128BitLane(input, 2), Sse2.ShiftLeftLogical128BitLane(input, 3));
        var last = (nuint)(utf8.Length - Block);
        for (nuint at = Block; ; at += Block)
        {
            if (at > last)
            {
                at = last; // the last block, overlapping the one before it (judging a byte twice changes nothing)
            }

            input = Vector128.LoadUnsafe(ref source, at);
            var back3 = Vector128.LoadUnsafe(ref source, at - 3);
            if (((input | back3) & Vector128.Create((byte)0x80)) != Vector128<byte>.Zero)
            {
                error |= Errors(input, Vector128.LoadUnsafe(ref source, at - 1), Vector128.LoadUnsafe(ref source, at - 2), back3);
            }

            if (at == last)
            {
                break;
            }
        }

        // The text must not end inside a sequence: no lead of 2+ bytes in the last, 3+ in the last two, 4 in the last three.
        error |= Sse2.SubtractSaturate(input, Vector128.Create(
            (byte)0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xEF, 0xDF, 0xBF));
        return error == Vector128<byte>.Zero;
    }

    /// <summary>The 256-bit path (AVX2), for text of at least 64 bytes; a test calls it directly.</summary>
    internal static bool IsValidVector256(ReadOnlySpan<byte> utf8)
    {
        const int Block = 32;
        if (utf8.Length < 2 * Block)
        {
            return IsValidVector128(utf8);
        }

        ref var source = ref MemoryMarshal.GetReference(utf8);

        // The first block: its low half preceded by zeros and its high half by the low half, joined per lane.
        var input = Vector256.LoadUnsafe(ref source);
        var before = Avx2.Permute2x128(input, input, 0x08);
        var error = Errors(input, Avx2.AlignRight(input, before, 15), Avx2.AlignRight(input, before, 14), Avx2.AlignRight(input, before, 13));
        var last = (nuint)(utf8.Length - Block);
        for (nuint at = Block; ; at += Block)
        {
            if (at > last)
            {
                at = last;
            }

            input = Vector256.LoadUnsafe(ref source, at);
            var back3 = Vector256.LoadUnsafe(ref source, at - 3);
            if (((input | back3) & Vector256.Create((byte)0x80)) != Vector256<byte>.Zero)
            {
                error |= Errors(input, Vector256.LoadUnsafe(ref source, at - 1), Vector256.LoadUnsafe(ref source, at - 2), back3);
            }

            if (at == last)
            {
                break;
            }
        }

        error |= Avx2.SubtractSaturate(input, Vector256.Create(
            (byte)0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
            0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xEF, 0xDF, 0xBF));
        return error == Vector256<byte>.Zero;
    }

    // Under 32 bytes: the text between zeros in a 64-byte buffer, judged as one or two whole blocks (the buffer is
    // cleared once, here).
    [SkipLocalsInit]
    private static bool IsValidShort(ReadOnlySpan<byte> utf8)
    {
        const int Start = 16;
        Span<byte> padded = stackalloc byte[64];
        padded.Clear();
        utf8.CopyTo(padded.Slice(Start));
        ref var source = ref MemoryMarshal.GetReference(padded);
        var error = Errors(Vector128.LoadUnsafe(ref source, Start), Vector128.LoadUnsafe(ref source, Start - 1), Vector128.LoadUnsafe(ref source, Start - 2), Vector128.LoadUnsafe(ref source, Start - 3));

        // A zero after the text ends any sequence, so the blocks also catch one that is cut short.
        if (utf8.Length >= 16)
        {
            const int Next = Start + 16;
            error |= Errors(Vector128.LoadUnsafe(ref source, Next), Vector128.LoadUnsafe(ref source, Next - 1), Vector128.LoadUnsafe(ref source, Next - 2), Vector128.LoadUnsafe(ref source, Next - 3));
        }

        return error == Vector128<byte>.Zero;
    }

    // Nonzero bytes where the byte is invalid after the three before it (back1 is the byte just before).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Errors(Vector128<byte> input, Vector128<byte> back1, Vector128<byte> back2, Vector128<byte> back3)
    {
        var nibble = Vector128.Create((byte)0x0F);
        var special = Ssse3.Shuffle(Back1High128(), (back1.AsUInt16() >>> 4).AsByte() & nibble)
            & Ssse3.Shuffle(Back1Low128(), back1 & nibble)
            & Ssse3.Shuffle(InputHigh128(), (input.AsUInt16() >>> 4).AsByte() & nibble);

        // After a 3-byte lead two bytes back, or a 4-byte lead three back, a continuation byte is required: there the
        // two-continuations bit is expected, and the XOR turns its absence into an error and its presence into none.
        var third = Sse2.SubtractSaturate(back2, Vector128.Create((byte)(0xE0 - 0x80)));
        var fourth = Sse2.SubtractSaturate(back3, Vector128.Create((byte)(0xF0 - 0x80)));
        return ((third | fourth) & Vector128.Create((byte)0x80)) ^ special;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Errors(Vector256<byte> input, Vector256<byte> back1, Vector256<byte> back2, Vector256<byte> back3)
    {
        var nibble = Vector256.Create((byte)0x0F);
        var special = Avx2.Shuffle(Vector256.Create(Back1High128(), Back1High128()), (back1.AsUInt16() >>> 4).AsByte() & nibble)
            & Avx2.Shuffle(Vector256.Create(Back1Low128(), Back1Low128()), back1 & nibble)
            & Avx2.Shuffle(Vector256.Create(InputHigh128(), InputHigh128()), (input.AsUInt16() >>> 4).AsByte() & nibble);
        var third = Avx2.SubtractSaturate(back2, Vector256.Create((byte)(0xE0 - 0x80)));
        var fourth = Avx2.SubtractSaturate(back3, Vector256.Create((byte)(0xF0 - 0x80)));
        return ((third | fourth) & Vector256.Create((byte)0x80)) ^ special;
    }

    // By the high nibble of the byte before: which errors that byte can start.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Back1High128() => Vector128.Create(
        TooLong, TooLong, TooLong, TooLong, TooLong, TooLong, TooLong, TooLong, // 0_______ ASCII
        TwoConts, TwoConts, TwoConts, TwoConts,                                 // 10______ continuation
        TooShort | Overlong2,                                                   // 1100____
        TooShort,                                                               // 1101____
        TooShort | Overlong3 | Surrogate,                                       // 1110____
        TooShort | TooLarge | TooLarge1000 | Overlong4);                        // 1111____

    // By the low nibble of the byte before.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Back1Low128() => Vector128.Create(
        Carry | Overlong3 | Overlong2 | Overlong4,               // ____0000
        Carry | Overlong2,                                       // ____0001
        Carry, Carry,                                            // ____001_
        Carry | TooLarge,                                        // ____0100
        Carry | TooLarge | TooLarge1000, Carry | TooLarge | TooLarge1000, Carry | TooLarge | TooLarge1000,
        Carry | TooLarge | TooLarge1000, Carry | TooLarge | TooLarge1000, Carry | TooLarge | TooLarge1000,
        Carry | TooLarge | TooLarge1000, Carry | TooLarge | TooLarge1000, // ____0101 .. ____1100
        Carry | TooLarge | TooLarge1000 | Surrogate,             // ____1101
        Carry | TooLarge | TooLarge1000, Carry | TooLarge | TooLarge1000); // ____111_

    // By the high nibble of the byte itself.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> InputHigh128() => Vector128.Create(
        TooShort, TooShort, TooShort, TooShort, TooShort, TooShort, TooShort, TooShort, // 0_______
        TooLong | Overlong2 | TwoConts | Overlong3 | TooLarge1000 | Overlong4,         // 1000____
        TooLong | Overlong2 | TwoConts | Overlong3 | TooLarge,                         // 1001____
        TooLong | Overlong2 | TwoConts | Surrogate | TooLarge,                         // 101_____
        TooLong | Overlong2 | TwoConts | Surrogate | TooLarge,
        TooShort, TooShort, TooShort, TooShort);                                       // 11______
}
