using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using ProtocolGen.Samples.Pcap;
using System.Text.RegularExpressions;
using ProtocolGen.Samples.PcapDump;
using Xunit;

namespace ProtocolGen.Pcap.Tests;

/// <summary>The pcapdump sample, run in-process as its Main runs it.</summary>
public sealed partial class PcapDumpTests
{
    [Fact]
    public void TheCapture_PrintsTheCommittedSummary_AndExitsZero()
    {
        var (exitCode, output, error) = Run(Capture.PathOf("loopback.pcap"));

        Assert.Equal((PcapDumpCommand.Success, string.Empty), (exitCode, error));
        Assert.Equal(File.ReadAllText(Capture.PathOf("loopback.pcapdump.txt")), output);
    }

    [Theory]
    [InlineData("loopback")]
    [InlineData("fragments")]
    public void EverySummaryLine_IsTsharks_ButForTheNumbersThatNeedTheConnectionsState(string capture)
    {
        var (_, output, _) = Run(Capture.PathOf(capture + ".pcap"));
        var tshark = File.ReadAllLines(Capture.PathOf(capture + ".tshark.txt"));

        var lines = output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(tshark.Select(Stateless), lines.Select(Stateless));
    }

    [Theory]
    [InlineData("loopback")]
    [InlineData("fragments")]
    public void WithJson_EveryFrameIsOneLineOfJson_WhoseEthernetFrameReadsBackToTheCapturedBytes(string name)
    {
        var capture = Capture.Named(name);
        var (exitCode, output, error) = Run("--json", Capture.PathOf(name + ".pcap"));

        Assert.Equal((PcapDumpCommand.Success, string.Empty), (exitCode, error));
        var lines = output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(capture.FrameCount, lines.Length);
        foreach (var (line, frame) in lines.Zip(capture.Frames))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            Assert.Equal(frame.Number, root.GetProperty("number").GetInt32());
            var ethernet = ReadJson<EthernetFrame>(root.GetProperty("ethernet"));
            Assert.Equal(frame.Record.Data, WireCodec.ToArray(ethernet));
        }
    }

    [Fact]
    public void WithJson_AFramesLayersAreNamedByTheirKinds_DownToTheTcpFields()
    {
        var (_, output, _) = Run("--json", Capture.PathOf("loopback.pcap"));

        using var json = JsonDocument.Parse(output.Split('\n')[0]);
        var ip = json.RootElement.GetProperty("ethernet").GetProperty("payload");
        var tcp = ip.GetProperty("payload");
        Assert.Equal(("ipv4", "127.0.0.1", "tcp"), (ip.GetProperty("kind").GetString(), ip.GetProperty("source").GetString(), tcp.GetProperty("kind").GetString()));
        Assert.Equal((53108, 47001, true), (tcp.GetProperty("source_port").GetInt32(), tcp.GetProperty("destination_port").GetInt32(), tcp.GetProperty("syn").GetBoolean()));
    }

    [Fact]
    public void WithJson_ACutFrameIsItsHeaderAndTheBytesKept()
    {
        var frame = Capture.Loopback.Frame(4);
        var cut = frame with { Ethernet = new CutEthernetFrame(frame.Ethernet.Destination, frame.Ethernet.Source, frame.Ethernet.Type, frame.Record.Data.AsMemory(14, 46)), Record = frame.Record with { OriginalLength = 200 } };

        using var json = JsonDocument.Parse(PcapDumpCommand.JsonLine(cut));

        var ethernet = json.RootElement.GetProperty("cut_ethernet");
        Assert.Equal(200, json.RootElement.GetProperty("original_length").GetInt32());
        Assert.Equal(frame.Record.Data.AsSpan(0, 60).ToArray(), WireCodec.ToArray(ReadJson<CutEthernetFrame>(ethernet)));
    }

    [Fact]
    public void AMalformedFile_IsATypedErrorNamingFrameLayerAndOffset_AndExitCodeOne()
    {
        var bytes = File.ReadAllBytes(Capture.PathOf("loopback.pcap"));
        bytes[Capture.Loopback.RecordOffset(33) + 16 + 14 + 20 + 8] ^= 1; // a byte of the UDP payload
        var path = Path.Combine(Path.GetTempPath(), $"pcapdump-{System.Guid.NewGuid():N}.pcap");
        File.WriteAllBytes(path, bytes);
        try
        {
            var (exitCode, output, error) = Run(path);

            Assert.Equal((PcapDumpCommand.MalformedFile, string.Empty), (exitCode, output));
            Assert.Equal($"pcapdump: {path}: frame 33 (udp): checksum-mismatch at file offset {Capture.Loopback.RecordOffset(33) + 16 + 14 + 20 + 6}\n", error.ReplaceLineEndings("\n"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void NoFile_OrOneThatCannotBeRead_IsAUsageError_WithExitCodeTwo()
    {
        var (noFile, _, usage) = Run();
        var (missing, _, cannotRead) = Run(Path.Combine(Path.GetTempPath(), "no-such-capture.pcap"));

        Assert.Equal((PcapDumpCommand.UsageOrInputError, PcapDumpCommand.UsageOrInputError), (noFile, missing));
        Assert.StartsWith("usage: pcapdump [--json] FILE.pcap", usage);
        Assert.StartsWith("pcapdump: cannot read ", cannotRead);
    }

    private static T ReadJson<T>(JsonElement element)
        where T : ProtocolGen.Json.IWireJson<T> => T.ReadJson(element);

    // tshark counts sequence numbers from the connection's first and scales windows by its SYN's shift; pcapdump shows
    // the segment's own numbers.
    private static string Stateless(string line) => StateNumbers().Replace(line.TrimEnd('\r'), "$1=n");

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exitCode = PcapDumpCommand.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [GeneratedRegex(@"\b(Seq|Ack|Win)=\d+")]
    private static partial Regex StateNumbers();
}
