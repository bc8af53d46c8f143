using System;
using System.Buffers;
using System.Globalization;
using System.Text;

namespace ProtocolGen.Cli.Decode;

/// <summary>
/// Which characters of device text decode never prints raw, and how it prints them instead. Text from the device
/// is the attacker's: a raw ESC can drive the terminal, a newline can forge an output line, a bidi override
/// (U+202E) or another invisible format character can make a line read differently from what it holds. So control
/// characters (C0, DEL, C1), format characters (category Cf: bidi controls, zero-width characters, the BOM, ...)
/// and the line and paragraph separators (U+2028, U+2029) are escaped, in the JSON form both outputs use:
/// <c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\b</c>, <c>\f</c>, else <c>\uXXXX</c> (uppercase hex; a character beyond
/// U+FFFF as its surrogate pair). Every other character, printable non-ASCII included, is printed as UTF-8.
/// </summary>
internal static class TerminalSafeText
{
    // Printable ASCII but the quote and backslash, which JSON escapes; anything else needs a closer look.
    private const string PlainAscii = " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";

    private static readonly SearchValues<char> PlainAsciiChars = SearchValues.Create(PlainAscii);
    private static readonly SearchValues<byte> PlainAsciiBytes = SearchValues.Create(Encoding.ASCII.GetBytes(PlainAscii));

    // One bit per BMP character: whether it is escaped (built once from the Unicode categories .NET knows).
    private static readonly ulong[] EscapedBmp = BuildEscapedBmp();

    /// <summary>Whether <paramref name="scalar"/> is never printed raw.</summary>
    public static bool IsEscaped(int scalar) => scalar <= char.MaxValue
        ? (EscapedBmp[scalar >> 6] & (1UL << scalar)) != 0
        : IsEscapedCategory(Rune.GetUnicodeCategory(new Rune(scalar)));

    /// <summary>Whether JSON must escape <paramref name="scalar"/> (quote, backslash) or the terminal must not see it raw.</summary>
    public static bool IsEscapedInJson(int scalar) => scalar is '"' or '\\' || IsEscaped(scalar);

    /// <summary>The index of the first character of <paramref name="text"/> that JSON output escapes, or -1.</summary>
    public static int IndexOfFirstEscapedInJson(ReadOnlySpan<char> text)
    {
        var index = 0;
        while (true)
        {
            var next = text[index..].IndexOfAnyExcept(PlainAsciiChars);
            if (next < 0)
            {
                return -1;
            }

            index += next;
            if (Rune.DecodeFromUtf16(text[index..], out var rune, out var length) != OperationStatus.Done || IsEscapedInJson(rune.Value))
            {
                // A lone surrogate too: the encoder is asked to deal with it rather than let it through.
                return index;
            }

            index += length;
        }
    }

    /// <summary>The index of the first byte of <paramref name="utf8"/> that starts a character JSON output escapes, or -1.</summary>
    public static int IndexOfFirstEscapedInJson(ReadOnlySpan<byte> utf8) => IndexOfFirstEscaped(utf8, json: true);

    /// <summary>The index of the first byte of <paramref name="utf8"/> that starts a character never printed raw, or -1.</summary>
    public static int IndexOfFirstEscaped(ReadOnlySpan<byte> utf8) => IndexOfFirstEscaped(utf8, json: false);

    /// <summary>
    /// Writes the escape of <paramref name="scalar"/> (<c>\n</c>, <c>\"</c>, <c>\u202E</c>, a surrogate pair
    /// beyond U+FFFF) as ASCII and returns its length, or 0 when <paramref name="destination"/> is too short (12
    /// always suffices).
    /// </summary>
    public static int WriteEscape(int scalar, Span<byte> destination)
    {
        var shortForm = scalar switch
        {
            '\n' => (byte)'n',
            '\r' => (byte)'r',
            '\t' => (byte)'t',
            '\b' => (byte)'b',
            '\f' => (byte)'f',
            '"' => (byte)'"',
            '\\' => (byte)'\\',
            _ => (byte)0,
        };
        if (shortForm != 0)
        {
            if (destination.Length < 2)
            {
                return 0;
            }

            destination[0] = (byte)'\\';
            destination[1] = shortForm;
            return 2;
        }

        if (scalar <= char.MaxValue)
        {
            return WriteUnicodeEscape((char)scalar, destination);
        }

        Span<char> pair = stackalloc char[2];
        new Rune(scalar).EncodeToUtf16(pair);
        var high = WriteUnicodeEscape(pair[0], destination);
        var low = high == 0 ? 0 : WriteUnicodeEscape(pair[1], destination[high..]);
        return low == 0 ? 0 : high + low;
    }

    /// <summary>
    /// Writes <paramref name="utf8"/> (valid UTF-8) to <paramref name="destination"/>, with every character
    /// never printed raw escaped, and the quote and backslash too when <paramref name="json"/>; returns the
    /// bytes written. <paramref name="destination"/> needs 6 bytes per byte of <paramref name="utf8"/> at most.
    /// </summary>
    public static int WriteEscaped(ReadOnlySpan<byte> utf8, Span<byte> destination, bool json)
    {
        var written = 0;
        while (!utf8.IsEmpty)
        {
            var plain = IndexOfFirstEscaped(utf8, json);
            if (plain < 0)
            {
                plain = utf8.Length;
            }

            utf8[..plain].CopyTo(destination[written..]);
            written += plain;
            utf8 = utf8[plain..];
            if (utf8.IsEmpty)
            {
                break;
            }

            // Invalid UTF-8 cannot come from a decoded string; should it ever, it prints as an escaped U+FFFD.
            var status = Rune.DecodeFromUtf8(utf8, out var rune, out var length);
            written += WriteEscape(status == OperationStatus.Done ? rune.Value : Rune.ReplacementChar.Value, destination[written..]);
            utf8 = utf8[Math.Max(length, 1)..];
        }

        return written;
    }

    private static int IndexOfFirstEscaped(ReadOnlySpan<byte> utf8, bool json)
    {
        var index = 0;
        while (true)
        {
            var next = utf8[index..].IndexOfAnyExcept(PlainAsciiBytes);
            if (next < 0)
            {
                return -1;
            }

            index += next;
            var status = Rune.DecodeFromUtf8(utf8[index..], out var rune, out var length);
            if (status != OperationStatus.Done || (json ? IsEscapedInJson(rune.Value) : IsEscaped(rune.Value)))
            {
                return index;
            }

            index += length;
        }
    }

    private static int WriteUnicodeEscape(char value, Span<byte> destination)
    {
        if (destination.Length < 6)
        {
            return 0;
        }

        destination[0] = (byte)'\\';
        destination[1] = (byte)'u';
        ((int)value).TryFormat(destination[2..], out _, "X4", CultureInfo.InvariantCulture);
        return 6;
    }

    private static bool IsEscapedCategory(UnicodeCategory category) => category is UnicodeCategory.Control
        or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static ulong[] BuildEscapedBmp()
    {
        var bits = new ulong[(char.MaxValue + 1) / 64];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            // Surrogates are never characters on their own; a pair is looked up as its scalar.
            if (!char.IsSurrogate((char)c) && IsEscapedCategory(CharUnicodeInfo.GetUnicodeCategory((char)c)))
            {
                bits[c >> 6] |= 1UL << c;
            }
        }

        return bits;
    }
}
