using System;
using System.CommandLine;
using System.IO;
using ProtocolGen.Cli.Decode;
using ProtocolGen.Cli.Encode;
using ProtocolGen.Cli.Layout;

namespace ProtocolGen.Cli;

/// <summary>The <c>protocolgen</c> command line, runnable against any streams so tests can run it in-process.</summary>
internal static class Cli
{
    /// <summary>Runs the command that <paramref name="args"/> names and returns the process's exit code.</summary>
    public static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand("protocolgen: decode, encode and lay out the Portmaster kernel-extension protocol.\n\n" + ExitCodes.Help)
        {
            DecodeCommand.Create(console),
            EncodeCommand.Create(console),
            LayoutCommand.Create(console),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                console.Error.WriteLine($"protocolgen: {error.Message}");
            }

            console.Error.WriteLine("Run 'protocolgen --help' for usage.");
            return ExitCodes.UsageError;
        }

        try
        {
            using var help = new StreamWriter(new KeepOpenStream(console.Out)) { AutoFlush = true };
            return parsed.Invoke(new InvocationConfiguration
            {
                Output = help,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (CliException e)
        {
            console.Error.WriteLine(e.Message);
            return e.ExitCode;
        }
        catch (IOException e) when (BrokenPipe.Is(e))
        {
            // The reader of our output has gone (decode ... | head): nobody is left to tell.
            return ExitCodes.Success;
        }
        catch (IOException e)
        {
            console.Error.WriteLine($"protocolgen: I/O error: {e.Message}");
            return ExitCodes.IoError;
        }
        catch (Exception e)
        {
            // A bug, not the user's doing: one line to report, not a stack trace.
            console.Error.WriteLine($"protocolgen: internal error: {e.Message}");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>Runs the command line over in-memory or test streams.</summary>
    public static int Run(string[] args, Stream stdin, Stream stdout, TextWriter stderr) =>
        Run(args, new CliConsole(stdin, stdout, stderr, ErrorIsTerminal: false, OutputIsTerminal: false));
}
