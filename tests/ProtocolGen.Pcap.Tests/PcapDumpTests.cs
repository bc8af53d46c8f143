using System.IO;
using System.Linq;
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
        var (exitCode, output, error) = Run(Loopback.PathOf("loopback.pcap"));

        Assert.Equal((PcapDumpCommand.Success, string.Empty), (exitCode, error));
        Assert.Equal(File.ReadAllText(Loopback.PathOf("loopback.pcapdump.txt")), output);
    }

    [Fact]
    public void EverySummaryLine_IsTsharks_ButForTheNumbersThatNeedTheConnectionsState()
    {
        var (_, output, _) = Run(Loopback.PathOf("loopback.pcap"));
        var tshark = File.ReadAllLines(Loopback.PathOf("loopback.tshark.txt"));

        var lines = output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(tshark.Select(Stateless), lines.Select(Stateless));
    }

    [Fact]
    public void AMalformedFile_IsATypedErrorNamingFrameLayerAndOffset_AndExitCodeOne()
    {
        var bytes = File.ReadAllBytes(Loopback.PathOf("loopback.pcap"));
        bytes[Loopback.RecordOffset(33) + 16 + 14 + 20 + 8] ^= 1; // a byte of the UDP payload
        var path = Path.Combine(Path.GetTempPath(), $"pcapdump-{System.Guid.NewGuid():N}.pcap");
        File.WriteAllBytes(path, bytes);
        try
        {
            var (exitCode, output, error) = Run(path);

            Assert.Equal((PcapDumpCommand.MalformedFile, string.Empty), (exitCode, output));
            Assert.Equal($"pcapdump: {path}: frame 33 (udp): checksum-mismatch at file offset {Loopback.RecordOffset(33) + 16 + 14 + 20 + 6}\n", error.ReplaceLineEndings("\n"));
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
        Assert.StartsWith("usage: pcapdump FILE.pcap", usage);
        Assert.StartsWith("pcapdump: cannot read ", cannotRead);
    }

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
