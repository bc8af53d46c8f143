using System;
using System.Collections.Immutable;
using System.Linq;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Tests.Captures;

/// <summary>The values protocol.md says the upstream captures hold, built independently of any decoding.</summary>
internal static class CaptureValues
{
    public static readonly Ipv4Address LocalIpV4 = new(1, 2, 3, 4);
    public static readonly Ipv4Address RemoteIpV4 = new(2, 3, 4, 5);
    public static readonly Ipv6Address LocalIpV6 = new(Enumerable.Range(1, 16).Select(i => (byte)i).ToArray());
    public static readonly Ipv6Address RemoteIpV6 = new(Enumerable.Range(2, 16).Select(i => (byte)i).ToArray());
    public static readonly byte[] Payload = Enumerable.Range(1, 10).Select(i => (byte)i).ToArray();

    public static Info ExpectedInfo(byte packetType) => packetType switch
    {
        0 => new LogLine(Severity.Trace, "prefix: test log"),
        1 => new ConnectionV4(1, 2, (Direction)3, (IpProtocol)4, LocalIpV4, RemoteIpV4, 5, 6, 7, Payload),
        2 => new ConnectionV6(1, 2, (Direction)3, (IpProtocol)4, LocalIpV6, RemoteIpV6, 5, 6, 7, Payload),
        3 => new ConnectionEndV4(1, (Direction)2, (IpProtocol)3, LocalIpV4, RemoteIpV4, 4, 5),
        4 => new ConnectionEndV6(1, (Direction)2, (IpProtocol)3, LocalIpV6, RemoteIpV6, 4, 5),
        5 => new BandwidthStatsV4((IpProtocol)1, ImmutableArray.Create(
            new BandwidthValueV4(LocalIpV4, 1, RemoteIpV4, 2, 3, 4),
            new BandwidthValueV4(LocalIpV4, 5, RemoteIpV4, 6, 7, 8))),
        6 => new BandwidthStatsV6((IpProtocol)1, ImmutableArray.Create(
            new BandwidthValueV6(LocalIpV6, 1, RemoteIpV6, 2, 3, 4),
            new BandwidthValueV6(LocalIpV6, 5, RemoteIpV6, 6, 7, 8))),
        _ => throw new ArgumentOutOfRangeException(nameof(packetType)),
    };

    public static Command ExpectedCommand(byte packetType) => packetType switch
    {
        0 => new Shutdown(),
        1 => new VerdictCommand(1, (Verdict)2),
        2 => new UpdateV4((IpProtocol)1, LocalIpV4, 2, RemoteIpV4, 3, (Verdict)4),
        3 => new UpdateV6((IpProtocol)1, LocalIpV6, 2, RemoteIpV6, 3, (Verdict)4),
        4 => new ClearCache(),
        5 => new GetLogs(),
        6 => new GetBandwidthStats(),
        7 => new PrintMemoryStats(),
        8 => new CleanEndedConnections(),
        _ => throw new ArgumentOutOfRangeException(nameof(packetType)),
    };
}
