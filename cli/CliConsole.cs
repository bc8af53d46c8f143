using System.IO;

namespace ProtocolGen.Cli;

/// <summary>The streams a command runs against: the process's own, or a test's.</summary>
/// <param name="In">Standard input, read as bytes (captures) or UTF-8 lines (JSON).</param>
/// <param name="Out">Standard output, written as bytes.</param>
/// <param name="Error">Messages, the summary and progress.</param>
/// <param name="ErrorIsTerminal">Whether <paramref name="Error"/> is a terminal, where progress can be shown.</param>
/// <param name="OutputIsTerminal">Whether <paramref name="Out"/> is a terminal too, where progress would interleave with output.</param>
internal sealed record CliConsole(Stream In, Stream Out, TextWriter Error, bool ErrorIsTerminal, bool OutputIsTerminal)
{
    /// <summary>
    /// Whether a progress line may be shown: only on a terminal, and never on the terminal that also shows the
    /// command's output (<paramref name="writesToOutput"/>), where the line would break into the output's lines.
    /// </summary>
    public bool ShowsProgress(bool writesToOutput) => ErrorIsTerminal && !(writesToOutput && OutputIsTerminal);
}
