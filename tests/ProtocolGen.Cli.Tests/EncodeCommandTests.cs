using System;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace ProtocolGen.Cli.Tests;

public sealed class EncodeCommandTests
{
    [Fact]
    public void DecodeJsonThenEncode_ReproducesTheInfoCapture_FromItsSecondFrame_SkippingTheErrorLine()
    {
        var capture = TestData.RustInfoCapture;
        var json = CliRun.Of("decode", "--json", TestData.RustInfoPath);

        var encoded = CliRun.WithInput(json.Output, "encode", "-o", "-");

        Assert.Equal(0, encoded.ExitCode);
        Assert.Equal(capture[TestData.RustInfoFirstFrameLength..], encoded.Output);
        Assert.Contains("wrote 1000 frames; skipped 1 error lines; 0 bad lines", encoded.Error);
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
        Assert.Contains("wrote 2 frames; skipped 0 error lines; 4 bad lines", run.Error);
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

    private static byte[] Encode(string line)
    {
        var run = CliRun.WithInput(Encoding.UTF8.GetBytes(line + "\n"), "encode", "--commands", "-o", "-");
        Assert.True(run.ExitCode == 0, run.Error);
        return run.Output;
    }
}
