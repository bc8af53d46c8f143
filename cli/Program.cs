using System;
using System.IO;
using ProtocolGen.Cli;

using var stdin = Console.OpenStandardInput();
using var stdout = OpenStandardOutput();
var console = new CliConsole(stdin, stdout, Console.Error, ErrorIsTerminal: !Console.IsErrorRedirected, OutputIsTerminal: !Console.IsOutputRedirected);
return Cli.Run(args, console);

// On Unix, write(2) at the offset standard error shares (a FileStream would pwrite at its own position and
// clobber '2>&1' output) and report a closed pipe (the console's stream swallows EPIPE); see UnixStandardOutput.
static Stream OpenStandardOutput() => OperatingSystem.IsWindows()
    ? Console.OpenStandardOutput()
    : new UnixStandardOutput();
