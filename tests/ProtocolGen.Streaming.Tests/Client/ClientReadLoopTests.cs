using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ProtocolGen.Portmaster;
using ProtocolGen.Portmaster.Emulator;
using ProtocolGen.Streaming.Tests.Support;
using Xunit;

namespace ProtocolGen.Streaming.Tests.Client;

/// <summary>
/// A client's read loops share one decoder: a loop left early or cancelled loses no info, and the next loop
/// goes on with the next one, even when a frame was cut across the reads.
/// </summary>
public sealed class ClientReadLoopTests
{
    private const int Count = 60;

    [Theory]
    [InlineData(7)]
    [InlineData(1024)]
    public async Task BreakingOutOfTheLoop_AndReadingAgain_DeliversEveryInfoExactlyOnce_InOrder(int readSize)
    {
        var (client, expected) = ClientWithQueuedConnections(readSize);
        await using var _ = client;

        var seen = new List<ulong>();
        while (seen.Count < Count)
        {
            var taken = 0;
            await foreach (var frame in client.ReadInfosAsync())
            {
                seen.Add(((ConnectionV4)frame.Packet!).Id);
                if (++taken == 4)
                {
                    break;
                }
            }
        }

        Assert.Equal(expected, seen);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(1024)]
    public async Task CancellingTheLoop_AndReadingAgain_DeliversEveryInfoExactlyOnce_InOrder(int readSize)
    {
        var (client, expected) = ClientWithQueuedConnections(readSize);
        await using var _ = client;

        var seen = new List<ulong>();
        while (seen.Count < Count)
        {
            using var cancel = new CancellationTokenSource();
            var taken = 0;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                await foreach (var frame in client.ReadInfosAsync(cancel.Token))
                {
                    seen.Add(((ConnectionV4)frame.Packet!).Id);
                    if (++taken == 3 || seen.Count == Count)
                    {
                        cancel.Cancel();
                    }
                }
            });
        }

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task TheHandlerApi_GetsTheInfosAnEnumerableLoopLeftUndelivered()
    {
        var (client, expected) = ClientWithQueuedConnections(readSize: 4096);
        await using var _ = client;
        var first = new List<ulong>();
        await foreach (var frame in client.ReadInfosAsync())
        {
            first.Add(((ConnectionV4)frame.Packet!).Id);
            if (first.Count == 5)
            {
                break;
            }
        }

        // One 4,096-byte read took every queued info, so the shutdown (which drops what is queued) loses none.
        await client.ShutdownAsync();
        var handler = await client.ReadInfosAsync(new RecordingHandler());

        Assert.Equal(expected, first.Concat(handler.Events.Cast<ConnectionV4>().Select(c => c.Id)));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(1024)]
    public async Task AHandlerThatThrows_LosesOnlyTheInfoItThrewOn_AndTheNextLoopGoesOnAfterIt(int readSize)
    {
        var (client, expected) = ClientWithQueuedConnections(readSize);
        await using var _ = client;
        var seen = new List<ulong>();

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await client.ReadInfosAsync(new ThrowingHandler(seen, throwOn: 10)));

        // A reader that lost its place would wait for infos that never come: give up rather than hang.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var frame in client.ReadInfosAsync(timeout.Token))
        {
            seen.Add(((ConnectionV4)frame.Packet!).Id);
            if (seen.Count == Count)
            {
                break;
            }
        }

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task ASecondReadLoop_WhileOneIsRunning_IsAnInvalidOperationException()
    {
        await using var client = new PortmasterClient(new EmulatedDevice(new DriverEmulator()));
        await using var running = client.ReadInfosAsync().GetAsyncEnumerator();
        var pending = running.MoveNextAsync();
        Assert.False(pending.IsCompleted);

        await using var second = client.ReadInfosAsync().GetAsyncEnumerator();
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await second.MoveNextAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await client.ReadInfosAsync(new RecordingHandler()));

        await client.DisposeAsync();
        Assert.False(await pending);
    }

    private static (PortmasterClient Client, List<ulong> Ids) ClientWithQueuedConnections(int readSize)
    {
        var driver = new DriverEmulator();
        var ids = Enumerable.Range(1, Count).Select(i => (ulong)i).ToList();
        ids.ForEach(id => driver.Enqueue(Frames.Connection(id)));
        return (new PortmasterClient(new EmulatedDevice(driver), new PacketReaderOptions { ReadSize = readSize }), ids);
    }

    /// <summary>Records each connection's id and throws on one of them, as a faulty handler would.</summary>
    private readonly struct ThrowingHandler(List<ulong> seen, ulong throwOn) : Info.IHandler
    {
        public void Handle(ConnectionV4 packet)
        {
            seen.Add(packet.Id);
            if (packet.Id == throwOn)
            {
                throw new InvalidOperationException($"handler fails on {packet.Id}");
            }
        }

        public void Handle(LogLine packet) => throw new InvalidOperationException("unexpected");

        public void Handle(ConnectionV6 packet) => throw new InvalidOperationException("unexpected");

        public void Handle(ConnectionEndV4 packet) => throw new InvalidOperationException("unexpected");

        public void Handle(ConnectionEndV6 packet) => throw new InvalidOperationException("unexpected");

        public void Handle(BandwidthStatsV4 packet) => throw new InvalidOperationException("unexpected");

        public void Handle(BandwidthStatsV6 packet) => throw new InvalidOperationException("unexpected");

        public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) => throw new InvalidOperationException("unexpected");

        public void HandleError(ProtocolError error) => throw new InvalidOperationException("unexpected");
    }
}
