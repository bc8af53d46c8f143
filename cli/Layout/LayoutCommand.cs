using System;
using System.Collections.Immutable;
using System.CommandLine;
using System.IO;
using System.Linq;
using ProtocolGen.Layout;
using Info = ProtocolGen.Portmaster.Info;
using PortmasterCommand = ProtocolGen.Portmaster.Command;

namespace ProtocolGen.Cli.Layout;

/// <summary><c>protocolgen layout [KIND]</c>: each packet's byte layout, from the schema's layout data.</summary>
internal static class LayoutCommand
{
    public static Command Create(CliConsole console)
    {
        var kind = new Argument<string?>("KIND")
        {
            Description = "A packet name (ConnectionV4, Verdict, ...); without it, every packet is printed.",
            Arity = ArgumentArity.ZeroOrOne,
        };

        var command = new Command("layout", "Print each packet's byte layout: a bit diagram, then offset, size, field and wire type.") { kind };
        command.SetAction(result => Run(result.GetValue(kind), console));
        return command;
    }

    private static int Run(string? kind, CliConsole console)
    {
        var unions = new[]
        {
            new Union("Info (driver to client), frame [type u8][body length u32 LE][body]", Info.Layouts),
            new Union("Command (client to driver), frame [type u8][body], one per write", PortmasterCommand.Layouts),
        };

        using var output = new StreamWriter(new KeepOpenStream(console.Out)) { NewLine = "\n" };
        if (kind is null)
        {
            foreach (var union in unions)
            {
                output.WriteLine(union.Title);
                output.WriteLine();
                foreach (var layout in union.Layouts)
                {
                    output.WriteLine(layout.ToBitDiagram());
                }
            }

            return ExitCodes.Success;
        }

        var match = unions.SelectMany(u => u.Layouts).FirstOrDefault(l => string.Equals(l.Name, kind, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            var known = string.Join(", ", unions.SelectMany(u => u.Layouts).Select(l => l.Name));
            throw new CliException($"protocolgen: no packet named '{kind}'; the packets are: {known}");
        }

        output.WriteLine(match.ToBitDiagram());
        return ExitCodes.Success;
    }

    private sealed record Union(string Title, ImmutableArray<PacketLayout> Layouts);
}
