using System;
using ProtocolGen.Cli;

using var stdin = Console.OpenStandardInput();
using var stdout = Console.OpenStandardOutput();
return Cli.Run(args, new CliConsole(stdin, stdout, Console.Error, ErrorIsTerminal: !Console.IsErrorRedirected));
