using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ProtocolGen.Portmaster;
using ProtocolGen.Portmaster.Emulator;
using ProtocolGen.Streaming.Tests.Support;
using Xunit;

namespace ProtocolGen.Portmaster.Emulator.Tests;

/// <summary>The emulator behaves as protocol.md says the driver does.</summary>
public sealed class DriverEmulatorTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    [InlineData(1024)]
    [InlineData(4096)]
    public async Task EachRead_IsFilledWithAsManyQueuedBytesAsFit_AndACutFrameContinuesInTheNextRead(int readSize)
    {
        var driver = new DriverEmulator();
        var infos = Enumerable.Range(0, 200).Select(i => i % 2 == 0 ? (Info)Frames.Connection((ulong)i) : Frames.ConnectionV6((ulong)i)).ToList();
        infos.ForEach(driver.Enqueue);
        var queued = Frames.Concat(infos.Select(Info.EncodeFrame));

        var received = new List<byte>();
        var buffer = new byte[readSize];
        while (received.Count < queued.Length)
        {
            var count = await driver.ReadAsync(buffer);
            Assert.Equal(Math.Min(readSize, queued.Length - received.Count), count);
            received.AddRange(buffer.Take(count));
        }

        Assert.Equal(queued, received);
        Assert.Equal(infos, FrameView.Reference(queued).Select(f => f.Packet));
    }

    [Fact]
    public async Task ARead_WaitsUntilAnInfoIsQueued()
    {
        var driver = new DriverEmulator();
        var read = driver.ReadAsync(new byte[100]).AsTask();

        await Task.Delay(50);
        Assert.False(read.IsCompleted);
        driver.Enqueue(new LogLine(Severity.Info, "hi"));

        Assert.Equal(Info.EncodeFrame(new LogLine(Severity.Info, "hi")).Length, await read);
    }

    [Fact]
    public void AWrite_ShorterOrLongerThanOneCommand_IsRejected_AndRecorded()
    {
        var driver = new DriverEmulator();
        var verdict = Command.EncodeFrame(new VerdictCommand(1, Verdict.Accept));

        Assert.Throws<IOException>(() => driver.Write(verdict.AsSpan(0, verdict.Length - 1)));
        Assert.Throws<IOException>(() => driver.Write(verdict.Concat(Command.EncodeFrame(new GetLogs())).ToArray()));
        Assert.Throws<IOException>(() => driver.Write(ReadOnlySpan<byte>.Empty));
        driver.Write(verdict);

        Assert.Equal(new[] { ProtocolErrorKind.Truncated, ProtocolErrorKind.TrailingBytes, ProtocolErrorKind.Truncated }, driver.RejectedWrites.Select(e => e.Kind));
        Assert.Equal(new Command[] { new VerdictCommand(1, Verdict.Accept) }, driver.Commands);
    }

    [Fact]
    public async Task AnUnknownCommandType_IsLoggedAndIgnored()
    {
        var driver = new DriverEmulator();

        driver.Write(new byte[] { 42 });
        driver.Write(Command.EncodeFrame(new GetLogs()));

        var line = Assert.IsType<LogLine>(await ReadOne(driver));
        Assert.Equal("unknown command type 42", line.Line);
        Assert.Empty(driver.RejectedWrites);
    }

    [Fact]
    public void AVerdict_AnswersItsPendingConnection_AndOnlyOnce()
    {
        var driver = new DriverEmulator();
        driver.Enqueue(Frames.Connection(5));
        driver.Enqueue(Frames.ConnectionV6(6));

        driver.Write(Command.EncodeFrame(new VerdictCommand(5, Verdict.Block)));
        driver.Write(Command.EncodeFrame(new VerdictCommand(5, Verdict.Accept)));
        driver.Write(Command.EncodeFrame(new VerdictCommand(77, Verdict.Accept)));

        Assert.Equal(new Dictionary<ulong, Verdict> { [5] = Verdict.Block }, driver.AnsweredVerdicts);
        Assert.Equal(1, driver.PendingConnectionCount);
        Assert.Equal(new ulong[] { 5, 77 }, driver.UnmatchedVerdicts.Select(v => v.Id));
    }

    [Fact]
    public async Task GetLogs_QueuesTheBufferedLines_DroppingOnesOverTheCap()
    {
        var driver = new DriverEmulator();
        driver.Log(Severity.Info, "one");
        driver.Log(Severity.Error, new string('x', DriverEmulator.MaxLogLineBytes + 1));
        driver.Log(Severity.Warning, "two");

        driver.Write(Command.EncodeFrame(new GetLogs()));

        Assert.Equal(new LogLine(Severity.Info, "one"), await ReadOne(driver));
        Assert.Equal(new LogLine(Severity.Warning, "two"), await ReadOne(driver));
    }

    [Fact]
    public async Task GetBandwidthStats_QueuesOneInfoPerProtocolAndFamilyWithTraffic()
    {
        var driver = new DriverEmulator();
        var v4 = new BandwidthValueV4(new Ipv4Address(1, 2, 3, 4), 1, new Ipv4Address(5, 6, 7, 8), 2, 3, 4);
        var v6 = new BandwidthValueV6(Ipv6Address.Parse("::1"), 5, Ipv6Address.Parse("::2"), 6, 7, 8);
        driver.RecordTraffic(IpProtocol.Tcp, v4);
        driver.RecordTraffic(IpProtocol.Udp, v4);
        driver.RecordTraffic(IpProtocol.Udp, v6);

        driver.Write(Command.EncodeFrame(new GetBandwidthStats()));

        Assert.Equal(new BandwidthStatsV4(IpProtocol.Tcp, [v4]), await ReadOne(driver));
        Assert.Equal(new BandwidthStatsV4(IpProtocol.Udp, [v4]), await ReadOne(driver));
        Assert.Equal(new BandwidthStatsV6(IpProtocol.Udp, [v6]), await ReadOne(driver));
    }

    [Fact]
    public void UpdatesFillTheVerdictCache_AndClearCacheEmptiesIt()
    {
        var driver = new DriverEmulator();
        foreach (var command in Commands.OfEveryKind(1).Where(c => c is UpdateV4 or UpdateV6))
        {
            driver.Write(Command.EncodeFrame(command));
        }

        Assert.Equal(2, driver.CachedVerdictCount);
        driver.Write(Command.EncodeFrame(new ClearCache()));
        Assert.Equal(0, driver.CachedVerdictCount);
    }

    [Fact]
    public async Task Shutdown_EndsAPendingRead_AndEveryLaterOne_WithEndOfFile()
    {
        var driver = new DriverEmulator();
        var pending = driver.ReadAsync(new byte[64]).AsTask();

        driver.Write(Command.EncodeFrame(new Shutdown()));

        Assert.Equal(0, await pending);
        driver.Enqueue(Frames.Connection(1));
        Assert.Equal(0, await driver.ReadAsync(new byte[64]));
    }

    [Fact]
    public async Task TheControlRequests_AnswerVersion2100_AndShutDown()
    {
        var driver = new DriverEmulator();
        var output = new byte[4];

        Assert.Equal(4, driver.IoControl(PortmasterDevice.VersionCode, default, output));
        Assert.Equal(new byte[] { 2, 1, 0, 0 }, output);
        Assert.Equal(0, driver.IoControl(PortmasterDevice.ShutdownCode, default, default));
        Assert.Equal(0, await driver.ReadAsync(new byte[8]));
        Assert.Throws<IOException>(() => driver.IoControl(0x9C40E008, default, output));
    }

    private static async Task<Info> ReadOne(DriverEmulator driver)
    {
        var header = new byte[5];
        Assert.Equal(5, await driver.ReadAsync(header));
        var body = new byte[BitConverter.ToInt32(header, 1)];
        Assert.Equal(body.Length, body.Length == 0 ? 0 : await driver.ReadAsync(body));
        return Info.DecodeFrame(header.Concat(body).ToArray());
    }
}
