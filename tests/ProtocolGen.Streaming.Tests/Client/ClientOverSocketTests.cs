using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using ProtocolGen.Framing;
using ProtocolGen.Portmaster;
using ProtocolGen.Portmaster.Emulator;
using ProtocolGen.Streaming.Tests.Support;
using Xunit;

namespace ProtocolGen.Streaming.Tests.Client;

/// <summary>A client and the emulated driver talking through Unix domain sockets: every byte crosses the kernel.</summary>
public sealed class ClientOverSocketTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AHundredThousandConnections_EachGetExactlyOneVerdict()
    {
        const int Connections = 100_000;
        var driver = new DriverEmulator();
        await using var host = await SocketEmulatorHost.StartAsync(driver, driverReadSize: 1024);
        await using var client = new PortmasterClient(host.Device, new PacketReaderOptions { ReadSize = 1024 });
        using var timeout = new CancellationTokenSource(Limit);
        var feeder = Task.Run(() =>
        {
            for (ulong id = 1; id <= Connections; id++)
            {
                driver.Enqueue(id % 5 == 0 ? Frames.ConnectionV6(id) : Frames.Connection(id));
            }
        });

        var seen = new List<ulong>(Connections);
        await foreach (var frame in client.ReadInfosAsync(timeout.Token))
        {
            var id = frame.Packet switch
            {
                ConnectionV4 v4 => v4.Id,
                ConnectionV6 v6 => v6.Id,
                _ => throw new InvalidOperationException($"unexpected frame: {frame.Error?.Message ?? frame.Packet?.ToString()}"),
            };
            seen.Add(id);
            await client.SendVerdictAsync(id, id % 2 == 0 ? Verdict.Accept : Verdict.Block, timeout.Token);
            if (seen.Count == Connections)
            {
                await client.ShutdownAsync(timeout.Token);
            }
        }

        await feeder;
        var expected = Enumerable.Range(1, Connections).Select(i => (ulong)i).ToList();
        Assert.Equal(expected, seen.Order());
        var answered = driver.AnsweredVerdicts;
        Assert.Equal(expected, answered.Keys.Order());
        Assert.All(answered, a => Assert.Equal(a.Key % 2 == 0 ? Verdict.Accept : Verdict.Block, a.Value));
        Assert.Equal(0, driver.PendingConnectionCount);
        Assert.Empty(driver.UnmatchedVerdicts);
        Assert.Empty(driver.RejectedWrites);
    }

    [Fact]
    public async Task TheHandlerApi_ReadsEveryConnection_WhileAnotherTaskSendsTheVerdicts()
    {
        const int Connections = 20_000;
        var driver = new DriverEmulator();
        await using var host = await SocketEmulatorHost.StartAsync(driver, driverReadSize: 4096);
        await using var client = new PortmasterClient(host.Device);
        using var timeout = new CancellationTokenSource(Limit);
        var ids = Channel.CreateUnbounded<ulong>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var answering = Task.Run(async () =>
        {
            var answered = 0;
            await foreach (var id in ids.Reader.ReadAllAsync(timeout.Token))
            {
                await client.SendVerdictAsync(id, Verdict.Accept, timeout.Token);
                if (++answered == Connections)
                {
                    await client.ShutdownAsync(timeout.Token);
                }
            }
        });
        for (ulong id = 1; id <= Connections; id++)
        {
            driver.Enqueue(Frames.Connection(id));
        }

        var handler = await client.ReadInfosAsync(new ForwardingHandler(ids.Writer), timeout.Token);
        ids.Writer.Complete();
        await answering;

        Assert.Equal(Connections, handler.Connections);
        Assert.Equal(0, handler.Others);
        Assert.Equal(Connections, driver.AnsweredVerdicts.Count);
        Assert.Equal(0, driver.PendingConnectionCount);
    }

    [Fact]
    public async Task TheTypedHelpers_ReachTheDriver_AndItsAnswersComeBackAsInfos()
    {
        var driver = new DriverEmulator();
        driver.Log(Severity.Error, "disk full");
        driver.RecordTraffic(IpProtocol.Tcp, new BandwidthValueV6(Ipv6Address.Parse("::1"), 1, Ipv6Address.Parse("::2"), 2, 100, 200));
        await using var host = await SocketEmulatorHost.StartAsync(driver);
        await using var client = new PortmasterClient(host.Device);

        var version = await client.GetVersionAsync();
        await client.UpdateVerdictAsync(IpProtocol.Tcp, new Ipv4Address(1, 2, 3, 4), 1, new Ipv4Address(5, 6, 7, 8), 2, Verdict.Block);
        await client.UpdateVerdictAsync(IpProtocol.Udp, Ipv6Address.Parse("::1"), 1, Ipv6Address.Parse("::2"), 2, Verdict.Drop);
        await client.RequestLogsAsync();
        await client.RequestBandwidthStatsAsync();
        var infos = new List<Info>();
        await foreach (var frame in client.ReadInfosAsync())
        {
            infos.Add(frame.Packet!);
            if (infos.Count == 2)
            {
                await client.ClearCacheAsync();
                await client.ShutdownAsync();
            }
        }

        Assert.Equal(DriverVersion.Current, version);
        Assert.Equal(new LogLine(Severity.Error, "disk full"), infos[0]);
        Assert.Equal(IpProtocol.Tcp, Assert.IsType<BandwidthStatsV6>(infos[1]).Protocol);
        Assert.Equal(new[] { typeof(UpdateV4), typeof(UpdateV6), typeof(GetLogs), typeof(GetBandwidthStats), typeof(ClearCache), typeof(Shutdown) }, driver.Commands.Select(c => c.GetType()));
        Assert.Equal(0, driver.CachedVerdictCount);
    }

    [Fact]
    public async Task TheShutdownControlRequest_EndsAPendingRead()
    {
        var driver = new DriverEmulator();
        await using var host = await SocketEmulatorHost.StartAsync(driver);
        await using var client = new PortmasterClient(host.Device);
        await using var reading = client.ReadInfosAsync().GetAsyncEnumerator();
        var next = PendingRead(reading);

        await client.RequestShutdownAsync();

        Assert.False(await next.AsTask().WaitAsync(Limit));
    }

    [Fact]
    public async Task DisposingTheClient_EndsAPendingRead_AndThrowsNothing()
    {
        var driver = new DriverEmulator();
        await using var host = await SocketEmulatorHost.StartAsync(driver);
        var client = new PortmasterClient(host.Device);
        await using var reading = client.ReadInfosAsync().GetAsyncEnumerator();
        var next = PendingRead(reading);

        await client.DisposeAsync();
        await client.DisposeAsync();

        Assert.False(await next.AsTask().WaitAsync(Limit));
    }

    [Fact]
    public async Task DisposingTheClientOfAnInMemoryDevice_EndsAPendingRead_AndThrowsNothing()
    {
        var client = new PortmasterClient(new EmulatedDevice(new DriverEmulator()));
        await using var reading = client.ReadInfosAsync().GetAsyncEnumerator();
        var next = PendingRead(reading);

        await client.DisposeAsync();

        Assert.False(await next.AsTask().WaitAsync(Limit));
    }

    // The read loop runs synchronously up to its first device read, so a move that has not completed at once is
    // one waiting on that read (nothing is queued): the signal that a read is pending, without sleeping.
    private static ValueTask<bool> PendingRead(IAsyncEnumerator<FrameResult<Info>> reading)
    {
        var next = reading.MoveNextAsync();
        Assert.False(next.IsCompleted);
        return next;
    }

    [Fact]
    public async Task AnEmptyWrite_IsRejectedLikeAnyShortWrite_AndTheDriverGoesOnTakingCommands()
    {
        var driver = new DriverEmulator();
        await using var host = await SocketEmulatorHost.StartAsync(driver);
        await using var client = new PortmasterClient(host.Device);

        await Assert.ThrowsAsync<System.IO.IOException>(async () => await host.Device.Stream.WriteAsync(ReadOnlyMemory<byte>.Empty));
        await client.ShutdownAsync();

        Assert.Equal(0, await CountAsync(client.ReadInfosAsync()).WaitAsync(Limit));
        Assert.Single(driver.RejectedWrites);
        Assert.IsType<Shutdown>(Assert.Single(driver.Commands));
    }

    private static async Task<int> CountAsync(IAsyncEnumerable<FrameResult<Info>> frames)
    {
        var count = 0;
        await foreach (var _ in frames)
        {
            count++;
        }

        return count;
    }

    /// <summary>Hands each connection id to the task that answers it; the hot path stays synchronous.</summary>
    private struct ForwardingHandler(ChannelWriter<ulong> ids) : Info.IHandler
    {
        public int Connections;
        public int Others;

        public void Handle(ConnectionV4 packet)
        {
            Connections++;
            ids.TryWrite(packet.Id);
        }

        public void Handle(LogLine packet) => Others++;

        public void Handle(ConnectionV6 packet) => Others++;

        public void Handle(ConnectionEndV4 packet) => Others++;

        public void Handle(ConnectionEndV6 packet) => Others++;

        public void Handle(BandwidthStatsV4 packet) => Others++;

        public void Handle(BandwidthStatsV6 packet) => Others++;

        public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) => Others++;

        public void HandleError(ProtocolError error) => Others++;
    }
}
