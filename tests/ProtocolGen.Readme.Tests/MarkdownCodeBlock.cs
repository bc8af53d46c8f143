using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace ProtocolGen.Readme.Tests;

/// <summary>A fenced code block of a Markdown document, and the line it starts on.</summary>
internal sealed partial record MarkdownCodeBlock(string Language, int Line, string Code)
{
    /// <summary>Every fenced block (```lang ... ```) of <paramref name="markdown"/>, in order.</summary>
    public static IReadOnlyList<MarkdownCodeBlock> Parse(string markdown)
    {
        var blocks = new List<MarkdownCodeBlock>();
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            var start = i + 1;
            var end = start;
            while (end < lines.Length && lines[end].TrimEnd() != "```")
            {
                end++;
            }

            blocks.Add(new MarkdownCodeBlock(open.Groups[1].Value, start + 1, string.Join("\n", lines[start..end])));
            i = end;
        }

        return blocks;
    }

    [GeneratedRegex(@"^```(\S*)\s*$")]
    private static partial Regex Fence();
}
