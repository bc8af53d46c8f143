using System;
using System.CommandLine;
using System.IO;
using ProtocolGen.Framing;
using ProtocolGen.Streaming;
using Info = ProtocolGen.Portmaster.Info;
using PortmasterCommand = ProtocolGen.Portmaster.Command;

namespace ProtocolGen.Cli.Decode;

/// <summary><c>protocolgen decode [FILE|-] [--commands] [--json] [--strict]</c>.</summary>
internal static class DecodeCommand
{
    private const int ReadSize = 64 * 1024;
    private const int OutputBufferSize = 64 * 1024;

    public static Command Create(CliConsole console)
    {
        var file = CliOptions.InputFile("The capture to decode; '-' or nothing reads standard input.");
        var commands = CliOptions.Commands("Decode a command stream (client to driver) instead of info frames.");
        var json = new Option<bool>("--json")
        {
            Description = "Print JSON Lines, one object per frame, in the form 'encode' reads. A bad frame's bytes are in its error "
                + "object as \"raw\" hex (but for frame-too-large, whose bytes are never held), and bytes after a packet's fields "
                + "as \"trailing\", so 'encode' gives back the input byte for byte.",
        };
        var strict = new Option<bool>("--strict")
        {
            Description = "Report bytes after a packet's last field as an error, and exit with 1 if any frame was bad.",
        };

        var command = new Command("decode", "Decode a capture of info frames (or commands) to one line per frame; a summary goes to standard error.")
        {
            file, commands, json, strict,
        };
        command.SetAction(result =>
        {
            var settings = new Settings(result.GetValue(file), result.GetValue(json), result.GetValue(strict));
            return result.GetValue(commands) ? Run<PortmasterCommand>(settings, console) : Run<Info>(settings, console);
        });
        return command;
    }

    private static int Run<TUnion>(Settings settings, CliConsole console)
        where TUnion : IPacketUnion<TUnion>
    {
        using var input = CliFiles.OpenRead(settings.Path, console);
        var summary = new DecodeSummary();
        var progress = new ProgressReporter(console.Error, console.ShowsProgress(writesToOutput: true), input.CanSeek ? input.Length : null, "frames");

        // The stream decoder holds at most one frame cut by the end of a read, so memory stays constant.
        using var decoder = new FrameStreamDecoder<TUnion>(new FrameDecoderOptions { RejectTrailingBytes = settings.Strict });
        var bytesRead = 0L;
        using (var writer = CreateWriter<TUnion>(settings.Json, new KeepOpenStream(console.Out)))
        {
            var sink = new PrintingSink<TUnion>(writer, summary);
            var buffer = new byte[ReadSize];
            int read;
            while ((read = input.Read(buffer)) > 0)
            {
                bytesRead += read;
                decoder.Feed(buffer.AsSpan(0, read), ref sink);
                progress.Report(bytesRead, summary.Frames);
            }

            decoder.Complete(ref sink);
        }

        progress.Complete();
        summary.WriteTo(console.Error, CliFiles.DisplayName(settings.Path), bytesRead);
        return settings.Strict && summary.Errors > 0 ? ExitCodes.BadInput : ExitCodes.Success;
    }

    // The text writer batches its own lines; the JSON writer hands the stream each line's pieces.
    private static IFrameWriter<TUnion> CreateWriter<TUnion>(bool json, Stream output)
        where TUnion : IPacketUnion<TUnion> => json
        ? new JsonLinesFrameWriter<TUnion>(new BufferedStream(output, OutputBufferSize))
        : new TextFrameWriter<TUnion>(output);

    private sealed record Settings(string? Path, bool Json, bool Strict);
}
