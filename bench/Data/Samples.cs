using System;
using System.Collections.Immutable;
using System.Linq;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Benchmarks.Data;

/// <summary>
/// The packets of the per-kind rows: <see cref="PerOperation"/> of one kind per operation, with values that
/// vary from packet to packet so that nothing is constant-folded or predicted away.
/// </summary>
public static class Samples
{
    /// <summary>Packets encoded or decoded per benchmark operation in the per-kind rows.</summary>
    public const int PerOperation = 1000;

    /// <summary>The per-kind rows, as <c>[Params]</c> values.</summary>
    public const string ConnectionV4 = "ConnectionV4 (10-byte payload)";
    public const string ConnectionEndV4 = "ConnectionEndV4";
    public const string BandwidthStatsV4 = "BandwidthStatsV4 (20 values)";
    public const string LogLine = "LogLine (100 B)";

    public static Info[] Infos(string kind) => Enumerable.Range(0, PerOperation).Select(i => Info(kind, i)).ToArray();

    public static Info Info(string kind, int i) => kind switch
    {
        ConnectionV4 => new Portmaster.ConnectionV4(
            (ulong)i * 7919, 4000 + (ulong)(i % 97), (Direction)(i & 1), (i & 2) == 0 ? IpProtocol.Tcp : IpProtocol.Udp,
            new Ipv4Address(10, 0, (byte)(i >> 8), (byte)i), new Ipv4Address(93, 184, 216, (byte)(i * 3)),
            (ushort)(49152 + i), 443, 4, Enumerable.Range(0, 10).Select(b => (byte)(b + i)).ToArray()),
        ConnectionEndV4 => new Portmaster.ConnectionEndV4(
            4000 + (ulong)(i % 97), (Direction)(i & 1), (i & 2) == 0 ? IpProtocol.Tcp : IpProtocol.Udp,
            new Ipv4Address(10, 0, (byte)(i >> 8), (byte)i), new Ipv4Address(93, 184, 216, (byte)(i * 3)), (ushort)(49152 + i), 443),
        BandwidthStatsV4 => new Portmaster.BandwidthStatsV4(
            IpProtocol.Tcp,
            Enumerable.Range(0, 20).Select(v => new BandwidthValueV4(
                new Ipv4Address(10, 0, 0, (byte)v), (ushort)(50000 + v), new Ipv4Address(1, 1, (byte)i, (byte)v), 443, (ulong)(i * 1000 + v), (ulong)(i * 10 + v))).ToImmutableArray()),
        LogLine => new Portmaster.LogLine((Severity)(1 + i % 7), Text100(i)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a per-kind row"),
    };

    /// <summary>A 100-byte ASCII log line, different for each <paramref name="i"/>.</summary>
    private static string Text100(int i)
    {
        var text = $"filter: connection {i:D6} from 10.0.0.1:{49152 + (i % 16000)} to 93.184.216.34:443 allowed by rule ";
        return text.PadRight(100, '.').Substring(0, 100);
    }
}
