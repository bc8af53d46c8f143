using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ProtocolGen.Portmaster;
using ProtocolGen.Portmaster.Emulator;
using ProtocolGen.Streaming.Tests.Support;
using Xunit;

namespace ProtocolGen.Streaming.Tests.Writing;

/// <summary>The driver parses exactly one command per write: the writer never splits one and never joins two.</summary>
public sealed class CommandWriterTests
{
    [Fact]
    public async Task EachCommand_IsExactlyOneWriteCall_HoldingExactlyThatCommand()
    {
        var stream = new RecordingStream();
        var writer = new CommandWriter<Command>(stream);
        var commands = Commands.OfEveryKind(7);

        foreach (var command in commands)
        {
            await writer.WriteAsync(command);
        }

        Assert.Equal(commands.Count, stream.Writes.Count);
        Assert.Equal(commands, stream.Writes.Select(w => Command.DecodeFrame(w)));
    }

    [Fact]
    public async Task ManyConcurrentSenders_NeverOverlapTheirWrites()
    {
        var stream = new RecordingStream();
        var writer = new CommandWriter<Command>(stream);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(sender => Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                await writer.WriteAsync(new VerdictCommand((ulong)(sender * 1000 + i), Verdict.Accept));
            }
        })));

        Assert.Equal(0, stream.Overlaps);
        var ids = stream.Writes.Select(w => ((VerdictCommand)Command.DecodeFrame(w)).Id).ToList();
        Assert.Equal(16 * 200, ids.Distinct().Count());
    }

    /// <summary>
    /// The whole path through the kernel: every command reaches the driver as one whole write and none is
    /// rejected. This does not prove the writer's lock: a sequenced-packet socket keeps each send whole even when
    /// sends overlap, so it would pass without it. <see cref="ManyConcurrentSenders_NeverOverlapTheirWrites"/> proves the lock.
    /// </summary>
    [Fact]
    public async Task ManyConcurrentSenders_OverASequencedPacketSocket_EachReachTheDriverAsOneWholeCommand()
    {
        var driver = new DriverEmulator();
        await using var host = await SocketEmulatorHost.StartAsync(driver);
        await using var client = new PortmasterClient(host.Device);
        const int Senders = 16;
        const int PerSender = 500;

        await Task.WhenAll(Enumerable.Range(0, Senders).Select(sender => Task.Run(async () =>
        {
            for (var i = 0; i < PerSender; i++)
            {
                foreach (var command in Commands.OfEveryKind(sender * PerSender + i).Skip(1))
                {
                    await client.SendAsync(command);
                }
            }
        })));
        await client.ShutdownAsync();
        await WaitUntil(() => driver.IsShutDown);

        Assert.Empty(driver.RejectedWrites);
        var expected = Enumerable.Range(0, Senders * PerSender).SelectMany(seed => Commands.OfEveryKind(seed).Skip(1)).Append(new Shutdown());
        Assert.Equal(expected.OrderBy(Describe), driver.Commands.OrderBy(Describe));
    }

    [Fact]
    public async Task ACancelledSend_WritesNothing()
    {
        var stream = new RecordingStream();
        var writer = new CommandWriter<Command>(stream);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await writer.WriteAsync(new GetLogs(), new CancellationToken(canceled: true)));

        Assert.Empty(stream.Writes);
    }

    private static string Describe(Command command) => Convert.ToHexString(Command.EncodeFrame(command));

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
