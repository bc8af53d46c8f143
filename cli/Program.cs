using System;
using System.IO;

namespace ProtocolGen.Cli;

/// <summary>The process entry point: the command line over the process's own streams.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        using var stdin = Console.OpenStandardInput();
        using var stdout = OpenStandardOutput();
        var console = new CliConsole(stdin, stdout, Console.Error, ErrorIsTerminal: !Console.IsErrorRedirected, OutputIsTerminal: !Console.IsOutputRedirected);
        return Cli.Run(args, console);
    }

    // On Unix, write(2) at the offset standard error shares (a FileStream would pwrite at its own position and
    // clobber '2>&1' output) and report a closed pipe (the console's stream swallows EPIPE); see UnixStandardOutput.
    private static Stream OpenStandardOutput() => OperatingSystem.IsWindows()
        ? Console.OpenStandardOutput()
        : new UnixStandardOutput();
}
