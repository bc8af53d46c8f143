using System.Collections.Generic;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Streaming.Tests.Support;

/// <summary>One command of every kind, with distinct field values.</summary>
internal static class Commands
{
    public static IReadOnlyList<Command> OfEveryKind(int seed) => new Command[]
    {
        new Shutdown(),
        new VerdictCommand((ulong)seed, Verdict.Accept),
        new UpdateV4(IpProtocol.Tcp, new Ipv4Address(1, 2, 3, 4), (ushort)seed, new Ipv4Address(5, 6, 7, 8), 443, Verdict.Block),
        new UpdateV6(IpProtocol.Udp, Ipv6Address.Parse("fe80::1"), (ushort)seed, Ipv6Address.Parse("2001:db8::1"), 53, Verdict.Drop),
        new ClearCache(),
        new GetLogs(),
        new GetBandwidthStats(),
        new PrintMemoryStats(),
        new CleanEndedConnections(),
    };
}
