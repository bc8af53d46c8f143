using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

// For generated code; not a stable API (see Internal/NamespaceDoc.cs).
namespace ProtocolGen.Internal;

/// <summary>
/// Text ended by a <c>0x00</c> byte (<c>[NullTerminated] string</c>), for generated codecs: its UTF-8, then one
/// <c>0x00</c>. Encoding refuses text holding U+0000, so every text has one encoding and the decoder gets it back.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WireTerminatedText
{
    /// <summary>
    /// Decodes the text at the start of <paramref name="rest"/>; <paramref name="length"/> is its bytes with the 0x00,
    /// or -1 when <paramref name="rest"/> holds no 0x00. False then, or when the text is not valid UTF-8.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> rest, [NotNullWhen(true)] out string? text, out int length)
    {
        var end = rest.IndexOf((byte)0);
        length = end < 0 ? -1 : end + 1;
        text = null;
        return end >= 0 && WireText.TryDecode(rest.Slice(0, end), out text);
    }

    /// <summary>For a view's check: the field's bytes with its 0x00 when it holds valid text; else -1.</summary>
    public static int CheckedLength(ReadOnlySpan<byte> rest)
    {
        var end = rest.IndexOf((byte)0);
        return end >= 0 && Utf8Validator.IsValid(rest.Slice(0, end)) ? end + 1 : -1;
    }

    /// <summary>For a checked view: the field's bytes with its 0x00.</summary>
    public static int Length(ReadOnlySpan<byte> rest) => rest.IndexOf((byte)0) + 1;

    /// <summary>For a checked view: the text's UTF-8, without its 0x00.</summary>
    public static ReadOnlySpan<byte> Text(ReadOnlySpan<byte> rest) => rest.Slice(0, rest.IndexOf((byte)0));

    /// <summary>
    /// The text's UTF-8 bytes for <c>WireSize</c>, which counts its 0x00 in the record's minimum size. Null, invalid
    /// UTF-16 or U+0000 throw <see cref="WireEncodeException"/> naming <paramref name="field"/>.
    /// </summary>
    public static int TextSize(string? text, string field)
    {
        var count = WireText.Count(text, field);
        var nul = text!.IndexOf('\0');
        if (nul >= 0)
        {
            throw WireEncodeException.HoldsNul(field, nul);
        }

        return count;
    }

    /// <summary>Writes <paramref name="text"/> (already sized by <see cref="TextSize"/>) and its 0x00; returns the bytes written.</summary>
    public static int Write(string text, Span<byte> destination, string field)
    {
        var written = WireText.Write(text, destination, field);
        destination[written] = 0;
        return written + 1;
    }
}
