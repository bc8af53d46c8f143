extern alias PcapSample;

using System;
using System.Globalization;
using System.Linq;
using PcapSample::ProtocolGen.Samples.Pcap;

namespace ProtocolGen.Benchmarks.Data;

/// <summary>
/// The fields the records' equality skips because encoding derives them (constants, lengths, checksums), for the pcap
/// rows: <see cref="Of"/> spells them out so that verification compares them too, and <see cref="Stale"/> sets them to
/// values that say nothing, so that an encoder that copies them instead of computing them writes wrong bytes.
/// </summary>
public static class PcapDerivedFields
{
    // With ZeroMeansNone a stored 0 is written as "no checksum"; any other value asks for one to be computed.
    private const ushort StaleUdpChecksum = 1;
    private const ushort StaleChecksum = 0xBAD;

    /// <summary>The file header's constant version.</summary>
    public static string Of(PcapFileHeader header) => $"pcap {header.VersionMajor}";

    /// <summary>
    /// One line of <paramref name="frame"/>'s derived fields, layer by layer, with each option of its IPv4 and TCP
    /// headers as the option records read it (their equality skips their kinds and lengths, their text does not).
    /// </summary>
    public static string Of(PcapFrame frame) => string.Create(CultureInfo.InvariantCulture, $"frame {frame.Number}: included {frame.Record.IncludedLength}; ") + Of(frame.Network) + "; " + Of(frame.Transport);

    /// <summary><paramref name="frame"/> with every derived field stale, layer by layer: lengths 0, checksums wrong (UDP's non-zero, so one is computed).</summary>
    public static PcapFrame Stale(PcapFrame frame) => frame with
    {
        Record = frame.Record with { IncludedLength = 0 },
        Ethernet = frame.Ethernet is EthernetFrame ethernet ? ethernet with { Payload = Stale(ethernet.Payload) } : frame.Ethernet,
    };

    private static IEtherPayload Stale(IEtherPayload network) => network switch
    {
        Ipv4Packet ip => ip with { HeaderLength = 0, TotalLength = 0, HeaderChecksum = StaleChecksum, Payload = Stale(ip.Payload) },
        Ipv6Packet ip => ip with { PayloadLength = 0, Payload = Stale(ip.Payload) },
        var other => other,
    };

    private static IIpPayload Stale(IIpPayload transport) => transport switch
    {
        TcpSegment tcp => tcp with { DataOffset = 0, Checksum = StaleChecksum },
        UdpDatagram { Checksum: not 0 } udp => udp with { Length = 0, Checksum = StaleUdpChecksum },
        UdpDatagram udp => udp with { Length = 0 },
        var other => other,
    };

    private static string Of(IEtherPayload? network) => network switch
    {
        null => "cut (no packet read)",
        Ipv4Packet ip => string.Create(CultureInfo.InvariantCulture, $"ipv4 version {ip.Version} header {ip.HeaderLength} total {ip.TotalLength} checksum {ip.HeaderChecksum:x4} options [{string.Join(", ", Ipv4Options.Read(ip.Options))}]"),
        Ipv6Packet ip => string.Create(CultureInfo.InvariantCulture, $"ipv6 version {ip.Version} payload {ip.PayloadLength}"),
        var other => other.GetType().Name,
    };

    private static string Of(IIpPayload? transport) => transport switch
    {
        TcpSegment tcp => string.Create(CultureInfo.InvariantCulture, $"tcp offset {tcp.DataOffset} checksum {tcp.Checksum:x4} options [{string.Join(", ", TcpOptions.Read(tcp.Options))}]"),
        UdpDatagram udp => string.Create(CultureInfo.InvariantCulture, $"udp length {udp.Length} checksum {udp.Checksum:x4}"),
        null => "no transport",
        var other => other.GetType().Name,
    };

    /// <summary>Whether the capture's headers hold options of every kind the rows claim (so that reading them is timed).</summary>
    public static bool HasEveryOptionKind(PcapFile file)
    {
        var tcp = file.Frames.Select(f => f.Transport).OfType<TcpSegment>().SelectMany(t => TcpOptions.Read(t.Options)).Select(o => o.GetType()).ToHashSet();
        var ipv4 = file.Frames.Select(f => f.Network).OfType<Ipv4Packet>().SelectMany(p => Ipv4Options.Read(p.Options)).Select(o => o.GetType()).ToHashSet();
        return new[] { typeof(TcpMaximumSegmentSize), typeof(TcpSackPermitted), typeof(TcpTimestamps), typeof(TcpNoOperation), typeof(TcpWindowScale) }.All(tcp.Contains)
            && ipv4.Contains(typeof(Ipv4RecordRoute)) && ipv4.Contains(typeof(Ipv4Timestamp));
    }
}
