using System.IO;

namespace ProtocolGen.Cli;

/// <summary>The streams a command runs against: the process's own, or a test's.</summary>
/// <param name="In">Standard input, read as bytes (captures) or UTF-8 lines (JSON).</param>
/// <param name="Out">Standard output, written as bytes.</param>
/// <param name="Error">Messages, the summary and progress.</param>
/// <param name="ErrorIsTerminal">Whether <paramref name="Error"/> is a terminal, where progress is shown.</param>
internal sealed record CliConsole(Stream In, Stream Out, TextWriter Error, bool ErrorIsTerminal);
