using System;
using System.IO;
using ProtocolGen.Samples.Pcap;

namespace ProtocolGen.Samples.PcapDump;

/// <summary>
/// The program, apart from its console: reads one pcap file and prints a summary line per frame, as
/// <c>tshark -r FILE</c> does (with raw sequence numbers and window values, which need no connection state).
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
        if (args.Length != 1 || args[0].StartsWith('-'))
        {
            error.WriteLine("usage: pcapdump FILE.pcap");
            return UsageOrInputError;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(args[0]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"pcapdump: cannot read '{args[0]}': {e.Message}");
            return UsageOrInputError;
        }

        PcapFile file;
        try
        {
            file = PcapFile.Read(bytes);
        }
        catch (PcapFormatException e)
        {
            error.WriteLine($"pcapdump: {args[0]}: {e.Error.Message}");
            return MalformedFile;
        }

        if (file.Frames.IsEmpty)
        {
            return Success;
        }

        var first = file.Frames[0].Record;
        foreach (var frame in file.Frames)
        {
            output.WriteLine(FrameSummary.Format(frame, first));
        }

        return Success;
    }
}
