using System;
using System.IO;
using System.Text;

namespace ProtocolGen.Cli.Tests;

/// <summary>One in-process run of the command line: its exit code and what it wrote.</summary>
internal sealed record CliRun(int ExitCode, byte[] Output, string Error)
{
    public string Text => Encoding.UTF8.GetString(Output);

    public string[] Lines => Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static CliRun Of(params string[] args) => WithInput(Array.Empty<byte>(), args);

    public static CliRun WithInput(byte[] stdin, params string[] args) => WithInput(new MemoryStream(stdin), args);

    public static CliRun WithInput(Stream stdin, params string[] args)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var exitCode = Cli.Run(args, stdin, stdout, stderr);
        return new CliRun(exitCode, stdout.ToArray(), stderr.ToString());
    }
}
