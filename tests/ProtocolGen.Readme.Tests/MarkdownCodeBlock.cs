using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ProtocolGen.Readme.Tests;

/// <summary>A fenced code block of a Markdown document, and the line its code starts on.</summary>
internal sealed partial record MarkdownCodeBlock(string Language, int Line, string Code)
{
    /// <summary>
    /// Every fenced block (```lang ... ```) of <paramref name="markdown"/>, in order, including blocks
    /// indented inside list items (their indentation is removed).
    /// </summary>
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
            while (end < lines.Length && lines[end].Trim() != "```")
            {
                end++;
            }

            var indent = open.Groups[1].Value.Length;
            var code = lines[start..end].Select(l => l.Length >= indent && string.IsNullOrWhiteSpace(l[..indent]) ? l[indent..] : l.TrimStart());
            blocks.Add(new MarkdownCodeBlock(open.Groups[2].Value, start + 1, string.Join("\n", code)));
            i = end;
        }

        return blocks;
    }

    [GeneratedRegex(@"^(\s*)```(\S*)\s*$")]
    private static partial Regex Fence();
}
