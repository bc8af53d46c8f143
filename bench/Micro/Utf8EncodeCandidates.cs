using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;

namespace ProtocolGen.Benchmarks.Micro;

/// <summary>
/// Ways to write a string as strict UTF-8 into a span that keep the encoder's guarantee: text that is refused (a lone
/// surrogate) or does not fit leaves the destination as it was. Each returns the bytes written, or -1 for a refusal.
/// Measured by <see cref="Utf8EncodeCandidateBenchmarks"/> against the hand-written baseline's one unguarded pass.
/// </summary>
public static class Utf8EncodeCandidates
{
    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The hand-written baseline's pass (<see cref="Baselines.StrictUtf8.Encode"/>): it writes before it knows, so it keeps no guarantee.</summary>
    public static int Unguarded(string text, Span<byte> destination) =>
        destination.Length >= text.Length && Ascii.FromUtf16(text, destination, out var written) == OperationStatus.Done
            ? written
            : Slow(text, destination);

    /// <summary>Today's generated code: an ASCII check (the size pass), then narrowing (the write pass).</summary>
    public static int CheckThenFromUtf16(string text, Span<byte> destination) =>
        Ascii.IsValid(text) && destination.Length >= text.Length && Ascii.FromUtf16(text, destination, out var written) == OperationStatus.Done
            ? written
            : Slow(text, destination);

    /// <summary>
    /// Narrows straight into the destination after saving the bytes it covers (up to 256) on the stack, and puts
    /// them back when the text turns out not to be ASCII.
    /// </summary>
    [SkipLocalsInit]
    public static int SaveAndRestore(string text, Span<byte> destination)
    {
        var length = text.Length;
        if (length > 256 || destination.Length < length)
        {
            return CheckThenFromUtf16(text, destination);
        }

        Span<byte> saved = stackalloc byte[256];
        destination.Slice(0, length).CopyTo(saved);
        if (Ascii.FromUtf16(text, destination, out var written) == OperationStatus.Done)
        {
            return written;
        }

        saved.Slice(0, length).CopyTo(destination);
        return Slow(text, destination);
    }

    /// <summary>
    /// One vectorised check of every char (OR of 16-char blocks), then narrowing 32 chars a step, both inline: the
    /// same two passes as today without the calls and their set-up, over text that is in L1 after the first.
    /// </summary>
    public static int InlineCheckThenNarrow(string text, Span<byte> destination)
    {
        var length = text.Length;
        if (length < Vector256<ushort>.Count || !Vector256.IsHardwareAccelerated || destination.Length < length)
        {
            return CheckThenFromUtf16(text, destination);
        }

        ref var source = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
        ref var target = ref MemoryMarshal.GetReference(destination);
        var last = (nuint)(length - Vector256<ushort>.Count);
        var seen = Vector256.LoadUnsafe(ref source, last);
        for (nuint i = 0; i < last; i += (nuint)Vector256<ushort>.Count)
        {
            seen |= Vector256.LoadUnsafe(ref source, i);
        }

        if ((seen & Vector256.Create((ushort)0xFF80)) != Vector256<ushort>.Zero)
        {
            return Slow(text, destination);
        }

        nuint at = 0;
        for (; at + 32 <= (nuint)length; at += 32)
        {
            Vector256.Narrow(Vector256.LoadUnsafe(ref source, at), Vector256.LoadUnsafe(ref source, at + 16)).StoreUnsafe(ref target, at);
        }

        if (at < (nuint)length)
        {
            if (at + 16 < (nuint)length)
            {
                Narrow16(ref source, ref target, at);
            }

            Narrow16(ref source, ref target, last);
        }

        return length;
    }

    /// <summary>
    /// Up to 128 chars in one pass: eight 16-char blocks (the last ones overlapping when the text is shorter) are
    /// loaded into registers, checked together, and only then narrowed and stored. Longer text as today.
    /// </summary>
    public static int RegistersThenStore(string text, Span<byte> destination)
    {
        var length = text.Length;
        if (length < 16 || length > 128 || !Vector256.IsHardwareAccelerated || destination.Length < length)
        {
            return CheckThenFromUtf16(text, destination);
        }

        ref var source = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
        ref var target = ref MemoryMarshal.GetReference(destination);
        var last = (nuint)(length - 16);
        nuint o1 = Math.Min(16, last), o2 = Math.Min(32, last), o3 = Math.Min(48, last), o4 = Math.Min(64, last),
            o5 = Math.Min(80, last), o6 = Math.Min(96, last), o7 = Math.Min(112, last);
        var b0 = Vector256.LoadUnsafe(ref source);
        var b1 = Vector256.LoadUnsafe(ref source, o1);
        var b2 = Vector256.LoadUnsafe(ref source, o2);
        var b3 = Vector256.LoadUnsafe(ref source, o3);
        var b4 = Vector256.LoadUnsafe(ref source, o4);
        var b5 = Vector256.LoadUnsafe(ref source, o5);
        var b6 = Vector256.LoadUnsafe(ref source, o6);
        var b7 = Vector256.LoadUnsafe(ref source, o7);
        if ((((b0 | b1) | (b2 | b3)) | ((b4 | b5) | (b6 | b7)) & Vector256.Create((ushort)0xFF80)) != Vector256<ushort>.Zero)
        {
            return Slow(text, destination);
        }

        Vector128.Narrow(b0.GetLower(), b0.GetUpper()).StoreUnsafe(ref target);
        Vector128.Narrow(b1.GetLower(), b1.GetUpper()).StoreUnsafe(ref target, o1);
        Vector128.Narrow(b2.GetLower(), b2.GetUpper()).StoreUnsafe(ref target, o2);
        Vector128.Narrow(b3.GetLower(), b3.GetUpper()).StoreUnsafe(ref target, o3);
        Vector128.Narrow(b4.GetLower(), b4.GetUpper()).StoreUnsafe(ref target, o4);
        Vector128.Narrow(b5.GetLower(), b5.GetUpper()).StoreUnsafe(ref target, o5);
        Vector128.Narrow(b6.GetLower(), b6.GetUpper()).StoreUnsafe(ref target, o6);
        Vector128.Narrow(b7.GetLower(), b7.GetUpper()).StoreUnsafe(ref target, o7);
        return length;
    }

    /// <summary>
    /// What the generated writer does now: <see cref="Internal.WireText.Count"/> (the block check), then
    /// <see cref="Internal.WireText.Write"/> (the block narrowing), each a plain loop of 16-char blocks.
    /// </summary>
    public static int WireTextCountThenWrite(string text, Span<byte> destination)
    {
        try
        {
            var count = Internal.WireText.Count(text, "text");
            return count <= destination.Length ? Internal.WireText.Write(text, destination, "text") : -1;
        }
        catch (WireEncodeException)
        {
            return -1;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Narrow16(ref ushort source, ref byte target, nuint at)
    {
        var block = Vector256.LoadUnsafe(ref source, at);
        Vector128.Narrow(block.GetLower(), block.GetUpper()).StoreUnsafe(ref target, at);
    }

    // Text that is not all ASCII: counted (refusing a lone surrogate) before anything is written.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Slow(string text, Span<byte> destination)
    {
        int count;
        try
        {
            count = s_strict.GetByteCount(text);
        }
        catch (EncoderFallbackException)
        {
            return -1;
        }

        if (count > destination.Length)
        {
            return -1;
        }

        Utf8.FromUtf16(text, destination, out _, out var written, replaceInvalidSequences: false);
        return written;
    }
}
