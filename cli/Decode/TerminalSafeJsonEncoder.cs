using System;
using System.Text;
using System.Text.Encodings.Web;

namespace ProtocolGen.Cli.Decode;

/// <summary>
/// The JSON escaping decode uses: the quote, the backslash and what <see cref="TerminalSafeText"/> never prints
/// raw (controls, bidi and other format characters, U+2028/U+2029), and nothing else, so printable text (accents,
/// CJK, NBSP, emoji) stays UTF-8 and a terminal showing the JSON is as safe as one showing the text form.
/// </summary>
/// <remarks>
/// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> lets U+202E and the other bidi controls through raw,
/// yet escapes every emoji as a surrogate pair and NBSP as <c>\u00A0</c>; no built-in encoder escapes exactly this set.
/// </remarks>
internal sealed class TerminalSafeJsonEncoder : JavaScriptEncoder
{
    public static readonly TerminalSafeJsonEncoder Instance = new();

    private TerminalSafeJsonEncoder()
    {
    }

    // A character beyond U+FFFF (two chars) becomes twelve: "\uD83D\uDE00".
    public override int MaxOutputCharactersPerInputCharacter => 6;

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength) =>
        TerminalSafeText.IndexOfFirstEscapedInJson(new ReadOnlySpan<char>(text, textLength));

    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text) =>
        TerminalSafeText.IndexOfFirstEscapedInJson(utf8Text);

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        if (!WillEncode(unicodeScalar))
        {
            if (!new Rune(unicodeScalar).TryEncodeToUtf16(new Span<char>(buffer, bufferLength), out numberOfCharactersWritten))
            {
                return false;
            }

            return true;
        }

        Span<byte> escape = stackalloc byte[12];
        var length = TerminalSafeText.WriteEscape(unicodeScalar, escape);
        if (length > bufferLength)
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        for (var i = 0; i < length; i++)
        {
            buffer[i] = (char)escape[i];
        }

        numberOfCharactersWritten = length;
        return true;
    }

    public override bool WillEncode(int unicodeScalar) =>
        !Rune.IsValid(unicodeScalar) || TerminalSafeText.IsEscapedInJson(unicodeScalar);
}
