using System;

namespace ProtocolGen.Cli;

/// <summary>A failure the user can act on: its message is printed as it is, without a stack trace.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message, int exitCode = ExitCodes.UsageError)
        : base(message) => ExitCode = exitCode;

    public int ExitCode { get; }
}
