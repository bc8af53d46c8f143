using System;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using ProtocolGen.Json;
using ProtocolGen.Samples.Pcap;

namespace ProtocolGen.Samples.PcapDump;

/// <summary>
/// The program, apart from its console: reads one pcap file and prints a summary line per frame, as
/// <c>tshark -r FILE</c> does (with raw sequence numbers and window values, which need no connection state); with
/// <c>--json</c>, each frame's every layer and field as one line of JSON instead, in the records' generated JSON form.
/// </summary>
public static class PcapDumpCommand
{
    /// <summary>Every frame was printed.</summary>
    public const int Success = 0;

    /// <summary>The file is not a pcap file this program reads; the error names the frame, layer and file offset.</summary>
    public const int MalformedFile = 1;

    /// <summary>No file was given, or it could not be read.</summary>
    public const int UsageOrInputError = 2;

    /// <summary>Runs the program with <paramref name="args"/>, writing summaries to <paramref name="output"/> and errors to <paramref name="error"/>.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var json = args.Length == 2 && args[0] == "--json";
        var path = json ? args[1] : args.Length == 1 ? args[0] : null;
        if (path is null || path.StartsWith('-'))
        {
            error.WriteLine("usage: pcapdump [--json] FILE.pcap");
            return UsageOrInputError;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"pcapdump: cannot read '{path}': {e.Message}");
            return UsageOrInputError;
        }

        PcapFile file;
        try
        {
            file = PcapFile.Read(bytes);
        }
        catch (PcapFormatException e)
        {
            error.WriteLine($"pcapdump: {path}: {e.Error.Message}");
            return MalformedFile;
        }

        if (file.Frames.IsEmpty)
        {
            return Success;
        }

        var first = file.Frames[0].Record;
        foreach (var frame in file.Frames)
        {
            output.WriteLine(json ? JsonLine(frame) : FrameSummary.Format(frame, first));
        }

        return Success;
    }

    /// <summary>
    /// <paramref name="frame"/> as one line of JSON: its number, its lengths on the wire and in the capture, and its
    /// Ethernet frame in the generated JSON form, every layer inside it by its case's <c>kind</c>.
    /// </summary>
    public static string JsonLine(PcapFrame frame)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("number", frame.Number);
            writer.WriteNumber("original_length", frame.Record.OriginalLength);
            writer.WriteNumber("captured_length", frame.Record.IncludedLength);
            writer.WritePropertyName(frame.Ethernet is CutEthernetFrame ? "cut_ethernet" : "ethernet");
            ((IJsonWritable)frame.Ethernet).WriteJson(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
