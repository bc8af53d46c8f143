using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ProtocolGen.Portmaster;
using ProtocolGen.Portmaster.Emulator;
using ProtocolGen.Streaming.Tests.Support;
using Xunit;

namespace ProtocolGen.Streaming.Tests.Client;

/// <summary>
/// The in-memory emulator fills each read with as many queued frames as fit and carries the cut one into the
/// next read, with no kernel re-chunking in between: whatever the client's read size, it decodes the same infos.
/// </summary>
public sealed class ClientReadSizeTests
{
    public static TheoryData<int> ReadSizes()
    {
        var random = new Random(4242);
        var data = new TheoryData<int> { 1, 5, 7, 64, 1024, 4096 };
        for (var i = 0; i < 4; i++)
        {
            data.Add(random.Next(2, 4096));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task EveryReadSize_DecodesTheSameInfos_InOrder(int readSize)
    {
        var infos = Infos();
        var driver = new DriverEmulator();
        infos.ForEach(driver.Enqueue);
        await using var client = new PortmasterClient(new EmulatedDevice(driver), new PacketReaderOptions { ReadSize = readSize });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var seen = new List<FrameView>();
        await foreach (var frame in client.ReadInfosAsync(timeout.Token))
        {
            seen.Add(FrameView.Of(frame));
            if (seen.Count == infos.Count)
            {
                break;
            }
        }

        Assert.Equal(FrameView.Reference(Frames.Concat(infos.Select(Info.EncodeFrame))), seen);
        Assert.Equal(infos, seen.Select(f => f.Packet));
    }

    // Small and large frames mixed, so that reads of every size cut some frames and hold several others whole.
    private static List<Info> Infos()
    {
        var values = Enumerable.Range(0, 40)
            .Select(i => new BandwidthValueV6(Ipv6Address.Parse("fe80::1"), (ushort)i, Ipv6Address.Parse("2001:db8::1"), 443, (ulong)i, 0))
            .ToImmutableArray();
        return Enumerable.Range(0, 300).Select(i => (i % 5) switch
        {
            0 => (Info)Frames.Connection((ulong)i),
            1 => Frames.ConnectionV6((ulong)i),
            2 => new LogLine(Severity.Info, new string('x', i)),
            3 => new BandwidthStatsV6(IpProtocol.Tcp, values),
            _ => new ConnectionEndV4(7, Direction.Inbound, IpProtocol.Udp, new Ipv4Address(1, 2, 3, 4), new Ipv4Address(5, 6, 7, 8), 1, 2),
        }).ToList();
    }
}
