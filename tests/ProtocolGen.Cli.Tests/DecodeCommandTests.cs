using System.Linq;
using System.Text.Json;
using ProtocolGen.Tests.Shared;
using Xunit;

namespace ProtocolGen.Cli.Tests;

public sealed class DecodeCommandTests
{
    [Fact]
    public void DecodeJson_OfTheInfoCapture_PrintsTheBadFirstFrameAsAnErrorObject_ThenAThousandPackets()
    {
        var run = CliRun.Of("decode", TestData.RustInfoPath, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1001, run.Lines.Length);
        using var error = JsonDocument.Parse(run.Lines[0]);
        Assert.Equal("length-beyond-frame", error.RootElement.GetProperty("error").GetString());
        Assert.Equal(0, error.RootElement.GetProperty("offset").GetInt64());
        Assert.Equal(1, error.RootElement.GetProperty("type").GetInt32());
        Assert.Equal(69, error.RootElement.GetProperty("length").GetInt32());
        Assert.False(error.RootElement.TryGetProperty("kind", out _));
        Assert.All(run.Lines.Skip(1), line => Assert.StartsWith("{\"kind\":\"", line));
    }

    [Fact]
    public void DecodeJson_PrintsKindFirst_ThenFieldsBySnakeCaseName_WithAddressesAsTextAndBytesAsHex()
    {
        var run = CliRun.Of("decode", TestData.RustInfoPath, "--json");

        var connection = run.Lines.First(l => l.Contains("\"kind\":\"ConnectionV4\""));
        Assert.Equal(
            """{"kind":"ConnectionV4","id":1,"process_id":2,"direction":3,"protocol":4,"local_ip":"1.2.3.4","remote_ip":"2.3.4.5","local_port":5,"remote_port":6,"payload_layer":7,"payload":"0102030405060708090a"}""",
            connection);
        Assert.Contains("""{"kind":"LogLine","severity":"Trace","line":"prefix: test log"}""", run.Lines);
    }

    [Fact]
    public void DecodeJson_OfCommands_NamesEnumValues()
    {
        var run = CliRun.Of("decode", "--commands", "--json", TestData.GoCommandPath);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(5000, run.Lines.Length);
        Assert.Contains("""{"kind":"Verdict","id":1,"verdict":"Accept"}""", run.Lines);
        Assert.Contains("""{"kind":"Shutdown"}""", run.Lines);
    }

    [Fact]
    public void Decode_WithoutJson_PrintsOneReadableLinePerFrame_WithOffsetKindAndFields()
    {
        var run = CliRun.Of("decode", TestData.RustInfoPath);

        Assert.Equal(1001, run.Lines.Length);
        Assert.StartsWith("         0  error length-beyond-frame: ", run.Lines[0]);
        Assert.Contains("(frame at offset 0, ConnectionV4 type 1, declared length 69)", run.Lines[0]);
        Assert.Contains(run.Lines, l => l.EndsWith("  LogLine severity=Trace line=\"prefix: test log\""));
        Assert.Contains(run.Lines, l => l.EndsWith(
            "  ConnectionV4 id=1 process_id=2 direction=3 protocol=4 local_ip=1.2.3.4 remote_ip=2.3.4.5 local_port=5 remote_port=6 payload_layer=7 payload=0102030405060708090a"));
    }

    [Fact]
    public void Decode_WritesASummaryOfFramesPerKindAndErrors_ToStandardErrorOnly()
    {
        var run = CliRun.Of("decode", TestData.RustInfoPath, "--json");

        Assert.Contains("1001 frames in 58213 bytes, 1 bad", run.Error);
        Assert.Matches(@"(?m)^  ConnectionV4\s+\d+$", run.Error);
        Assert.Matches(@"(?m)^  errors\s+1  \(length-beyond-frame 1\)$", run.Error);
        Assert.DoesNotContain("frames in", run.Text);
    }

    [Fact]
    public void Decode_WithStrict_ExitsWithOne_WhenAFrameWasBad()
    {
        Assert.Equal(1, CliRun.Of("decode", "--strict", TestData.RustInfoPath).ExitCode);
        Assert.Equal(0, CliRun.Of("decode", "--strict", "--commands", TestData.GoCommandPath).ExitCode);
    }

    [Fact]
    public void Decode_WithStrict_ReportsBytesAfterAPacketsFields()
    {
        // A log line's text runs to the end of its frame, and commands have no length, so neither can have
        // bytes after its fields: use a ConnectionEndV4 (22 bytes of fields) declared as 23.
        byte[] frame = [3, 23, 0, 0, 0, .. new byte[23]];

        var lenient = CliRun.WithInput(frame, "decode", "--json", "-");
        var strict = CliRun.WithInput(frame, "decode", "--json", "--strict", "-");

        Assert.Equal(0, lenient.ExitCode);
        Assert.StartsWith("{\"kind\":\"ConnectionEndV4\"", lenient.Lines.Single());
        Assert.Equal(1, strict.ExitCode);
        Assert.StartsWith("{\"error\":\"trailing-bytes\"", strict.Lines.Single());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decode_ReadsStandardInput_WhenNoFileOrADashIsGiven(bool dash)
    {
        string[] file = dash ? ["-"] : [];
        var fromFile = CliRun.Of("decode", "--json", TestData.RustInfoPath);

        var fromStdin = CliRun.WithInput(TestData.RustInfoCapture, ["decode", "--json", .. file]);

        Assert.Equal(fromFile.Text, fromStdin.Text);
        Assert.Contains("standard input: 1001 frames", fromStdin.Error);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(97)]
    public void Decode_OfAStreamThatArrivesInPieces_PrintsTheSameAsOfTheWholeFile(int maxChunk)
    {
        var whole = CliRun.Of("decode", "--json", TestData.RustInfoPath);

        var trickled = CliRun.WithInput(new TrickleStream(TestData.RustInfoCapture, maxChunk), "decode", "--json");

        Assert.Equal(whole.Text, trickled.Text);
    }

    [Fact]
    public void Decode_OfACaptureCutInsideAFrame_ReportsTruncated_AndExitsZero()
    {
        var capture = TestData.RustInfoCapture;

        var run = CliRun.WithInput(capture[..^3], "decode", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("{\"error\":\"truncated\"", run.Lines[^1]);
        Assert.Equal(1001, run.Lines.Length);
    }

    [Fact]
    public void Decode_ShowsNoProgress_WhenStandardErrorIsNotATerminal()
    {
        var run = CliRun.Of("decode", "--json", TestData.RustInfoPath);

        Assert.DoesNotContain('\r', run.Error);
        Assert.DoesNotContain('\u001b', run.Error);
    }
}
