using System;
using System.IO;
using Microsoft.Win32.SafeHandles;
using ProtocolGen.Cli;

using var stdin = Console.OpenStandardInput();
using var stdout = OpenStandardOutput();
var console = new CliConsole(stdin, stdout, Console.Error, ErrorIsTerminal: !Console.IsErrorRedirected, OutputIsTerminal: !Console.IsOutputRedirected);
return Cli.Run(args, console);

// On Unix the console's own stream swallows EPIPE, so 'decode big.bin | head' would decode to the end for
// nobody; a stream over descriptor 1 reports the closed pipe, and the command stops quietly.
static Stream OpenStandardOutput() => OperatingSystem.IsWindows()
    ? Console.OpenStandardOutput()
    : new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
