using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ProtocolGen.Tests.Shared;
using Xunit;

namespace ProtocolGen.Cli.Tests;

public sealed class EncodeCommandTests
{
    [Fact]
    public void DecodeJsonThenEncode_ReproducesTheInfoCapture_ByteForByte_ItsBadFirstFrameIncluded()
    {
        var json = CliRun.Of("decode", "--json", TestData.RustInfoPath);

        var encoded = CliRun.WithInput(json.Output, "encode", "-o", "-");

        Assert.Equal(0, encoded.ExitCode);
        Assert.Equal(TestData.RustInfoCapture, encoded.Output);
        Assert.Contains("wrote 1000 packets and 1 bad frames verbatim; skipped 0 error lines without raw bytes; 0 bad lines", encoded.Error);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DecodeJsonThenEncode_ReproducesAHostileStream_ByteForByte(bool strict)
    {
        var stream = HostileInfoStream.Bytes;
        var args = strict ? new[] { "decode", "--json", "--strict" } : new[] { "decode", "--json" };
        var json = CliRun.WithInput(stream, args);

        var encoded = CliRun.WithInput(json.Output, "encode", "-o", "-");

        Assert.Equal(0, encoded.ExitCode);
        Assert.Equal(stream, encoded.Output);
    }

    [Fact]
    public void DecodeJson_CarriesAnUnknownFramesBytesAsRaw_AndANewerPeersAppendedBytesAsTrailing()
    {
        var lines = CliRun.WithInput(HostileInfoStream.Bytes, "decode", "--json").Lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();

        Assert.Equal(HostileInfoStream.UnknownTypeFrame, Convert.FromHexString(lines[1].GetProperty("raw").GetString()!));
        Assert.Equal("unknown-type", lines[1].GetProperty("error").GetString());
        Assert.Equal("ConnectionEndV4", lines[2].GetProperty("kind").GetString());
        Assert.Equal("aabbcc", lines[2].GetProperty("trailing").GetString());
        Assert.False(lines[0].TryGetProperty("trailing", out _));
        var errors = lines.Where(l => l.TryGetProperty("error", out _)).Select(l => l.GetProperty("error").GetString()!).ToArray();
        Assert.Equal(["unknown-type", "size-mismatch", "length-beyond-frame", "truncated"], errors);
    }

    [Fact]
    public void DecodeJson_GivesAFrameOverTheSizeCapNoRawBytes_SoEncodeSkipsIt()
    {
        var prefix = TestData.GoodInfoFrames(3);
        var tooLarge = new byte[] { 1, 0xFF, 0xFF, 0xFF, 0x7F, 1, 2, 3 };
        var json = CliRun.WithInput([.. prefix, .. tooLarge], "decode", "--json");
        var last = JsonDocument.Parse(json.Lines[^1]).RootElement;

        var encoded = CliRun.WithInput(json.Output, "encode", "-o", "-");

        Assert.Equal("frame-too-large", last.GetProperty("error").GetString());
        Assert.False(last.TryGetProperty("raw", out _));
        Assert.Equal(prefix, encoded.Output);
        Assert.Contains("skipped 1 error lines without raw bytes", encoded.Error);
    }

    [Fact]
    public void Encode_WritesARawLineVerbatim_AndPutsTrailingBytesInsideTheFrame()
    {
        var lines = string.Join('\n',
            """{"error":"unknown-type","offset":0,"type":9,"length":1,"message":"m","raw":"0901000000ff"}""",
            """{"kind":"ConnectionEndV4","process_id":1,"direction":"Inbound","protocol":"Tcp","local_ip":"1.2.3.4","remote_ip":"2.3.4.5","local_port":4,"remote_port":5,"trailing":"aabb"}""");

        var run = CliRun.WithInput(Encoding.UTF8.GetBytes(lines), "encode", "-o", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(new byte[] { 9, 1, 0, 0, 0, 0xFF, 3, 24, 0, 0, 0 }, run.Output[..11]);
        Assert.Equal(new byte[] { 0xAA, 0xBB }, run.Output[^2..]);
        Assert.Equal(6 + 5 + 24, run.Output.Length);
    }

    [Fact]
    public void Encode_RejectsTrailingBytesOnACommand_WhoseFrameHasNoLength()
    {
        var run = CliRun.WithInput(Encoding.UTF8.GetBytes("""{"kind":"Verdict","id":1,"verdict":"Accept","trailing":"aa"}"""), "encode", "--commands", "-o", "-");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("line 1: field 'trailing': ", run.Error);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void DecodeJsonThenEncode_ReproducesTheCommandCapture_ByteForByte()
    {
        var json = CliRun.Of("decode", "--json", "--commands", TestData.GoCommandPath);

        var encoded = CliRun.WithInput(json.Output, "encode", "--commands", "-o", "-");

        Assert.Equal(0, encoded.ExitCode);
        Assert.Equal(TestData.GoCommandCapture, encoded.Output);
    }

    [Fact]
    public void Encode_WritesTheFileThatOutputNames_FromTheFileItReads()
    {
        var directory = Directory.CreateTempSubdirectory("protocolgen-cli-").FullName;
        try
        {
            var json = Path.Combine(directory, "commands.jsonl");
            var output = Path.Combine(directory, "commands.bin");
            File.WriteAllBytes(json, CliRun.Of("decode", "--json", "--commands", TestData.GoCommandPath).Output);

            var run = CliRun.Of("encode", json, "--commands", "--output", output);

            Assert.Equal(0, run.ExitCode);
            Assert.Empty(run.Output);
            Assert.Equal(TestData.GoCommandCapture, File.ReadAllBytes(output));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Encode_AcceptsEnumNumbersAsWellAsNames()
    {
        var byName = Encode("""{"kind":"Verdict","id":7,"verdict":"Block"}""");
        var byNumber = Encode("""{"kind":"Verdict","id":7,"verdict":4}""");

        Assert.Equal(byName, byNumber);
        Assert.Equal(new byte[] { 1, 7, 0, 0, 0, 0, 0, 0, 0, 4 }, byNumber);
    }

    [Fact]
    public void Encode_NamesTheLineAndFieldOfEveryBadLine_EncodesTheRest_AndExitsWithOne()
    {
        var lines = string.Join('\n',
            """{"kind":"Verdict","id":1,"verdict":"Accept"}""",
            """{"kind":"UpdateV4","protocol":"Tcp","local_address":"1.2.3","local_port":1,"remote_address":"2.3.4.5","remote_port":2,"verdict":"Block"}""",
            """{"kind":"Verdict","id":1}""",
            "{not json",
            """{"kind":"Reboot"}""",
            """{"kind":"Verdict","id":2,"verdict":"Drop"}""");

        var run = CliRun.WithInput(Encoding.UTF8.GetBytes(lines), "encode", "--commands", "-o", "-");

        Assert.Equal(1, run.ExitCode);
        var errors = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("line 2: field 'local_address': ", errors[0]);
        Assert.StartsWith("line 3: field 'verdict': missing", errors[1]);
        Assert.StartsWith("line 4: not valid JSON", errors[2]);
        Assert.StartsWith("line 5: field 'kind': ", errors[3]);
        Assert.Contains("wrote 2 packets and 0 bad frames verbatim; skipped 0 error lines without raw bytes; 4 bad lines", run.Error);
        Assert.Equal(new byte[] { 1, 1, 0, 0, 0, 0, 0, 0, 0, 2, 1, 2, 0, 0, 0, 0, 0, 0, 0, 6 }, run.Output);
    }

    [Fact]
    public void Encode_NamesTheFullPathOfABadFieldInsideAnArray()
    {
        var json = CliRun.Of("decode", "--json", TestData.RustInfoPath).Lines.First(l => l.Contains("BandwidthStatsV4"));
        var bad = json.Replace("\"local_port\":5", "\"local_port\":70000");

        var run = CliRun.WithInput(Encoding.UTF8.GetBytes(bad), "encode", "-o", "-");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("line 1: field 'values[1].local_port': ", run.Error);
    }

    [Fact]
    public void Encode_WithoutOutput_IsABadArgument()
    {
        var run = CliRun.Of("encode", TestData.RustInfoPath);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--output", run.Error);
    }

    [Fact]
    public void EncodeProgress_CountsTheBytesOfEachLine_LineEndsIncluded_NotItsCharacters()
    {
        var encoder = new Encode.JsonLinesEncoder<Portmaster.Info>(Stream.Null);
        var line = """{"kind":"LogLine","severity":"Info","line":"größe €"}""";
        var input = Encoding.UTF8.GetBytes(line + "\r\n" + line + "\n");
        var reported = new System.Collections.Generic.List<(long Bytes, long Lines)>();

        encoder.EncodeAll(new MemoryStream(input), _ => { }, (bytes, lines) => reported.Add((bytes, lines)));

        Assert.Equal([(Encoding.UTF8.GetByteCount(line) + 2L, 1L), (input.Length, 2L)], reported);
        Assert.NotEqual(line.Length + 2, reported[0].Bytes);
    }

    private static byte[] Encode(string line)
    {
        var run = CliRun.WithInput(Encoding.UTF8.GetBytes(line + "\n"), "encode", "--commands", "-o", "-");
        Assert.True(run.ExitCode == 0, run.Error);
        return run.Output;
    }
}
