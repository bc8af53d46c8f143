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
    public void Help_ListsTheThreeCommands()
    {
        var run = CliRun.Of("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("decode", run.Text);
        Assert.Contains("encode", run.Text);
        Assert.Contains("layout", run.Text);
    }
}
