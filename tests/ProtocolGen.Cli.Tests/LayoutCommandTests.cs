using Xunit;

namespace ProtocolGen.Cli.Tests;

public sealed class LayoutCommandTests
{
    [Fact]
    public void Layout_OfOnePacket_PrintsItsOffsetsSizesAndFields()
    {
        var run = CliRun.Of("layout", "ConnectionEndV4");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("ConnectionEndV4 (type 3, body 22 bytes)", run.Text);
        Assert.Contains("     0     8  process_id (u64)", run.Text);
        Assert.Contains("    20     2  remote_port (u16)", run.Text);
        Assert.Contains("|                          process_id                           |", run.Text);
        Assert.Contains("|           remote_ip           |          local_port           |", run.Text);
    }

    [Fact]
    public void Layout_WithoutAKind_PrintsEveryInfoAndCommandPacket()
    {
        var run = CliRun.Of("layout");

        Assert.Equal(0, run.ExitCode);
        foreach (var name in new[] { "LogLine", "ConnectionV6", "BandwidthStatsV6", "Shutdown", "Verdict", "UpdateV6", "CleanEndedConnections" })
        {
            Assert.Contains($"\n{name} (type ", "\n" + run.Text);
        }
    }

    [Fact]
    public void Layout_OfAnUnknownKind_ListsTheKnownOnes_AndExitsWithTwo()
    {
        var run = CliRun.Of("layout", "Reboot");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no packet named 'Reboot'", run.Error);
        Assert.Contains("ConnectionV4", run.Error);
    }
}
