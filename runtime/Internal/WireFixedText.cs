using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

// For generated code; not a stable API (see Internal/NamespaceDoc.cs).
namespace ProtocolGen.Internal;

/// <summary>
/// Text in a field of fixed length (<c>[FixedLength(n)] string</c>, a C <c>char[n]</c>), for generated codecs: its
/// UTF-8, then 0x00 bytes to the end of the field. Decoding takes the bytes before the first 0x00 and refuses any
/// other byte after it, so every accepted field has one text and re-encodes to the same bytes; encoding refuses text
/// that holds U+0000 (the decoder would end it there) or does not fit.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WireFixedText
{
    /// <summary>The text's UTF-8 in <paramref name="field"/>: the bytes before the first 0x00 (all of them when there is none).</summary>
    public static ReadOnlySpan<byte> Text(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        return end < 0 ? field : field.Slice(0, end);
    }

    /// <summary>
    /// Decodes <paramref name="field"/>; false when a byte after the first 0x00 is not 0x00 (<paramref name="bad"/> is
    /// its offset in the field) or the text is not valid UTF-8 (<paramref name="bad"/> is 0).
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> field, [NotNullWhen(true)] out string? text, out int bad)
    {
        bad = PaddingFault(field, out var length);
        if (bad >= 0)
        {
            text = null;
            return false;
        }

        bad = 0;
        return WireText.TryDecode(field.Slice(0, length), out text);
    }

    /// <summary>
    /// <see cref="TryDecode"/> for a field that must hold its 0x00 (<c>[NullTerminated, FixedLength(n)]</c>): a field
    /// with none is refused too, <paramref name="bad"/> then being its last byte.
    /// </summary>
    public static bool TryDecodeTerminated(ReadOnlySpan<byte> field, [NotNullWhen(true)] out string? text, out int bad)
    {
        if (field.IsEmpty || field[field.Length - 1] != 0)
        {
            text = null;
            bad = field.Length - 1;
            return false;
        }

        return TryDecode(field, out text, out bad);
    }

    /// <summary><see cref="IsValid"/> for a field that must hold its 0x00.</summary>
    public static bool IsValidTerminated(ReadOnlySpan<byte> field) => !field.IsEmpty && field[field.Length - 1] == 0 && IsValid(field);

    /// <summary>Whether <paramref name="field"/> holds text the decoder accepts (for a view's check, which makes no string).</summary>
    public static bool IsValid(ReadOnlySpan<byte> field) =>
        PaddingFault(field, out var length) < 0 && Utf8Validator.IsValid(field.Slice(0, length));

    /// <summary>
    /// Checks <paramref name="text"/> for a field of <paramref name="length"/> bytes, for <c>WireSize</c>: null, invalid
    /// UTF-16, U+0000 or more than <paramref name="length"/> bytes of UTF-8 throw <see cref="WireEncodeException"/> naming <paramref name="field"/>.
    /// </summary>
    public static void Check(string? text, int length, string field)
    {
        var count = WireText.Count(text, field);
        if (count > length)
        {
            throw WireEncodeException.TooLongForField(field, count, length);
        }

        var nul = text!.IndexOf('\0');
        if (nul >= 0)
        {
            throw WireEncodeException.HoldsNul(field, nul);
        }
    }

    /// <summary><see cref="Check"/> for a field that must hold its 0x00: at most <paramref name="length"/> − 1 bytes of text.</summary>
    public static void CheckTerminated(string? text, int length, string field) => Check(text, length - 1, field);

    /// <summary>Writes <paramref name="text"/> (already checked by <see cref="Check"/>) into <paramref name="field"/>, then 0x00 to its end.</summary>
    public static void Write(string text, Span<byte> field, string name)
    {
        var written = WireText.Write(text, field, name);
        field.Slice(written).Clear();
    }

    // The offset of the first byte after the first 0x00 that is not 0x00, or -1; length is the text's byte count.
    private static int PaddingFault(ReadOnlySpan<byte> field, out int length)
    {
        var end = field.IndexOf((byte)0);
        if (end < 0)
        {
            length = field.Length;
            return -1;
        }

        length = end;
        var other = field.Slice(end + 1).IndexOfAnyExcept((byte)0);
        return other < 0 ? -1 : end + 1 + other;
    }
}
