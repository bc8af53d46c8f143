using System.CommandLine;
using System.IO;
using Info = ProtocolGen.Portmaster.Info;
using PortmasterCommand = ProtocolGen.Portmaster.Command;

namespace ProtocolGen.Cli.Encode;

/// <summary><c>protocolgen encode [FILE|-] -o OUT [--commands]</c>.</summary>
internal static class EncodeCommand
{
    public static Command Create(CliConsole console)
    {
        var file = CliOptions.InputFile("JSON Lines as 'decode --json' prints them; '-' or nothing reads standard input.");
        var output = new Option<string>("--output", "-o")
        {
            Description = "The binary file to write; '-' writes to standard output.",
            Required = true,
        };
        var commands = CliOptions.Commands("Encode commands (client to driver) instead of info frames; an error line's \"raw\" bytes are then refused unless --allow-raw is given.");
        var allowRaw = new Option<bool>("--allow-raw")
        {
            Description = "With --commands: write error lines' \"raw\" bytes verbatim (unchecked bytes that may reach the driver), as for infos.",
        };

        var command = new Command("encode", "Encode JSON Lines back into a binary capture: an error line's \"raw\" bytes are written as they are, a packet's "
            + "\"trailing\" bytes inside its frame, so 'decode --json' then 'encode' reproduces the input. Only an error line "
            + "without \"raw\" (frame-too-large) is skipped. With --commands an error line with \"raw\" is a bad line "
            + "(a malformed command must not reach the driver) unless --allow-raw is given.")
        {
            file, output, commands, allowRaw,
        };
        command.SetAction(result =>
        {
            var input = result.GetValue(file);
            var target = result.GetRequiredValue(output);
            return result.GetValue(commands)
                ? Run<PortmasterCommand>(input, target, console, result.GetValue(allowRaw))
                : Run<Info>(input, target, console, allowRaw: true);
        });
        return command;
    }

    private static int Run<TUnion>(string? inputPath, string outputPath, CliConsole console, bool allowRaw)
        where TUnion : IPacketUnion<TUnion>
    {
        using var input = CliFiles.OpenRead(inputPath, console);
        using var output = new BufferedStream(CliFiles.OpenWrite(outputPath, console), 64 * 1024);
        var encoder = new JsonLinesEncoder<TUnion>(output, allowRaw);
        var progress = new ProgressReporter(console.Error, console.ShowsProgress(writesToOutput: outputPath == CliFiles.Console), input.CanSeek ? input.Length : null, "lines");
        encoder.EncodeAll(
            input,
            problem =>
            {
                progress.Complete();
                console.Error.WriteLine(problem);
            },
            progress.Report);

        output.Flush();
        progress.Complete();
        console.Error.WriteLine(encoder.Summary(CliFiles.DisplayName(inputPath)));
        return encoder.BadLines > 0 ? ExitCodes.BadInput : ExitCodes.Success;
    }
}
