using System;
using System.Text;

namespace ProtocolGen.Generator.Emitting;

/// <summary>
/// Builds indented C# text. A write is a whole line, or several: text with line breaks is split, and each line is
/// indented at the current level, so an emitter may build an expression over several lines and it still lines up.
/// Blank lines never come two in a row.
/// Blocks must balance: closing one that was never opened, or taking the text with one still open, throws, so an
/// emitter that loses count fails its tests instead of emitting crooked code.
/// </summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;
    private readonly StringBuilder _builder = new();
    private int _indent;

    /// <summary>Writes <paramref name="text"/>, each of its lines at the current indentation; empty lines stay empty.</summary>
    public void Line(string text = "")
    {
        var start = 0;
        int end;
        while ((end = text.IndexOf('\n', start)) >= 0)
        {
            AppendLine(text, start, end);
            start = end + 1;
        }

        AppendLine(text, start, text.Length);
    }

    /// <summary>Writes <paramref name="header"/> and an opening brace, and indents what follows.</summary>
    public void Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
    }

    /// <summary>Ends the innermost block: its closing brace, then <paramref name="suffix"/> (<c>;</c>, <c>)</c>).</summary>
    public void Close(string suffix = "")
    {
        if (_indent == 0)
        {
            throw new InvalidOperationException("SourceWriter.Close() has no block to close: an emitter closed more blocks than it opened.");
        }

        _indent--;
        Line("}" + suffix);
    }

    /// <summary>The text written; every block must be closed.</summary>
    public override string ToString()
    {
        if (_indent != 0)
        {
            throw new InvalidOperationException($"SourceWriter text taken with {_indent} block(s) still open: an emitter opened more blocks than it closed.");
        }

        return _builder.ToString();
    }

    private void AppendLine(string text, int start, int end)
    {
        if (end > start && text[end - 1] == '\r')
        {
            end--;
        }

        if (end > start)
        {
            _builder.Append(' ', _indent * IndentSize).Append(text, start, end - start);
        }
        else if (_blank)
        {
            // Two emitters that each set their block apart leave one blank line between them, not two.
            return;
        }

        _blank = end == start;
        _builder.Append('\n');
    }

    private bool _blank;
}
