using System;
using System.IO;
using System.Linq;
using ProtocolGen.Tests.Shared;
using Xunit;

namespace ProtocolGen.Cli.Tests;

public sealed class UsageTests
{
    [Fact]
    public void AMissingFile_GetsAOneLineMessage_WithoutAStackTrace_AndExitCodeTwo()
    {
        var run = CliRun.Of("decode", "no-such-capture.bin");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("protocolgen: no such file: no-such-capture.bin", run.Error.Trim());
    }

    [Theory]
    [InlineData("decode", "--bogus")]
    [InlineData("frobnicate")]
    [InlineData]
    public void BadArguments_GetAMessageAndAPointerToHelp_AndExitCodeTwo(params string[] args)
    {
        var run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("protocolgen --help", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void Help_ListsExactlyTheThreeCommands_AndEveryExitCode()
    {
        var run = CliRun.Of("--help");

        Assert.Equal(0, run.ExitCode);
        var commands = run.Lines.SkipWhile(l => l != "Commands:").Skip(1).Select(l => l.Trim().Split(' ')[0]).ToArray();
        Assert.Equal(["decode", "encode", "layout"], commands);
        foreach (var code in new[] { "0 ", "1 ", "2 ", "3 ", "70 " })
        {
            Assert.Contains(run.Lines, l => l.TrimStart().StartsWith(code, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("decode", "--commands", "--json", "--strict", "raw", "trailing")]
    [InlineData("encode", "--output", "--commands", "raw", "trailing", "frame-too-large")]
    [InlineData("layout", "KIND")]
    public void EachCommandsHelp_NamesItsOptions_AndHowBytesRoundTrip(string command, params string[] expected)
    {
        var run = CliRun.Of(command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.All(expected, word => Assert.Contains(word, run.Text));
    }

    [Fact]
    public void ADirectoryAsFile_IsSaidToBeADirectory()
    {
        var directory = Directory.CreateTempSubdirectory("protocolgen-cli-").FullName;
        try
        {
            var run = CliRun.Of("decode", directory);

            Assert.Equal(2, run.ExitCode);
            Assert.Equal($"protocolgen: {directory} is a directory, not a file", run.Error.Trim());
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [Fact]
    public void AClosedOutputPipe_EndsTheCommandQuietly_WithExitCodeZero()
    {
        var stdout = new FailingStream(new IOException("Broken pipe", OperatingSystem.IsWindows() ? unchecked((int)0x8007006D) : 32));
        var stderr = new StringWriter();

        var exitCode = Cli.Run(["decode", TestData.RustInfoPath], new MemoryStream(), stdout, stderr);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, stderr.ToString());
    }

    [Fact]
    public void AnotherIOErrorPartWay_GetsItsOwnExitCode()
    {
        var stdout = new FailingStream(new IOException("No space left on device", 28));
        var stderr = new StringWriter();

        var exitCode = Cli.Run(["decode", TestData.RustInfoPath], new MemoryStream(), stdout, stderr);

        Assert.Equal(3, exitCode);
        Assert.Equal("protocolgen: I/O error: No space left on device", stderr.ToString().Trim());
    }

    [Fact]
    public void AnUnexpectedException_IsAnInternalError_InOneLine_WithExitCodeSeventy()
    {
        var stdin = new FailingStream(new InvalidOperationException("the sky fell"));
        var stderr = new StringWriter();

        var exitCode = Cli.Run(["decode", "-"], stdin, new MemoryStream(), stderr);

        Assert.Equal(70, exitCode);
        Assert.Equal("protocolgen: internal error: the sky fell", stderr.ToString().Trim());
    }

    [Theory]
    [InlineData(true, false, true, true)]
    [InlineData(true, true, true, false)]
    [InlineData(true, true, false, true)]
    [InlineData(false, false, true, false)]
    public void Progress_IsShownOnlyOnATerminal_ThatIsNotAlsoShowingTheOutput(bool errorIsTerminal, bool outputIsTerminal, bool writesToOutput, bool shown)
    {
        var console = new CliConsole(Stream.Null, Stream.Null, TextWriter.Null, errorIsTerminal, outputIsTerminal);

        Assert.Equal(shown, console.ShowsProgress(writesToOutput));
    }
}
