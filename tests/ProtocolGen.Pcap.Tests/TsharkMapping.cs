using System;
using System.Globalization;
using ProtocolGen.Samples.Pcap;

namespace ProtocolGen.Pcap.Tests;

/// <summary>
/// The mapping table from a decoded frame to tshark's fields: what tshark's JSON would hold for each key it maps,
/// built from the decoded records (and, for checksums tshark computes itself, from the captured bytes), in tshark's
/// own shape. A key tshark writes that is neither built here nor in <see cref="TsharkExclusions"/> fails the field test.
/// </summary>
internal static partial class TsharkMapping
{
    private const int EthernetHeaderSize = 14;
    private const int Ipv6HeaderSize = 40;

    /// <summary>Frame <paramref name="frame"/>'s layers as tshark dissects them; <paramref name="first"/> and <paramref name="previous"/> give its relative times.</summary>
    public static TsharkTree Dissect(PcapFrame frame, PcapRecord first, PcapRecord previous)
    {
        var layers = new TsharkTree();
        Frame(layers.Tree("frame"), frame, first, previous);
        Ethernet(layers.Tree("eth"), frame.Ethernet);
        switch (frame.Network)
        {
            case Ipv4Packet ip:
                Ipv4(layers.Tree("ip"), ip, frame.Record.Data.AsSpan(EthernetHeaderSize, ip.HeaderLength * 4));
                break;
            case Ipv6Packet ip:
                Ipv6(layers.Tree("ipv6"), ip);
                break;
        }

        var ipPacket = (IIpPacket)frame.Network!;
        var segment = TransportBytes(frame.Record.Data, ipPacket);
        switch (frame.Transport)
        {
            case UnknownIpPayload fragment:
                Data(layers, fragment.Bytes);
                break;
            case TcpSegment tcp:
                Tcp(layers.Tree("tcp"), tcp, ipPacket, segment);
                Data(layers, tcp.Data);
                break;
            case UdpDatagram udp:
                Udp(layers.Tree("udp"), udp, ipPacket, segment);
                Data(layers, udp.Payload);
                break;
        }

        return layers;
    }

    // The captured bytes of the segment an IP packet carries, which tshark's checksums are computed over.
    private static ReadOnlySpan<byte> TransportBytes(byte[] data, IIpPacket ip) => ip switch
    {
        Ipv4Packet v4 => data.AsSpan(EthernetHeaderSize + v4.HeaderLength * 4, v4.TotalLength - v4.HeaderLength * 4),
        Ipv6Packet v6 => data.AsSpan(EthernetHeaderSize + Ipv6HeaderSize, v6.PayloadLength),
        _ => throw new ArgumentException($"No transport offset for {ip.GetType().Name}.", nameof(ip)),
    };

    private static void Frame(TsharkTree tree, PcapFrame frame, PcapRecord first, PcapRecord previous)
    {
        var record = frame.Record;
        tree.Add("frame.time_epoch", string.Create(CultureInfo.InvariantCulture, $"{record.TimestampSeconds}.{record.TimestampMicroseconds * 1000L:D9}"))
            .Add("frame.time_delta", Seconds(record, previous))
            .Add("frame.time_delta_displayed", Seconds(record, previous))
            .Add("frame.time_relative", Seconds(record, first))
            .Add("frame.number", frame.Number)
            .Add("frame.len", record.OriginalLength)
            .Add("frame.cap_len", record.Data.Length)
            .Add("frame.protocols", Protocols(frame));
    }

    // The path of protocols tshark took: "data" when the transport layer carries bytes it does not dissect further.
    private static string Protocols(PcapFrame frame)
    {
        var network = frame.Network is Ipv4Packet ? "ip" : "ipv6";
        // A fragment's payload is bytes to tshark too (it reassembles only a whole datagram, which no capture holds).
        var (transport, payload) = frame.Transport switch
        {
            TcpSegment tcp => (":tcp", tcp.Data),
            UdpDatagram udp => (":udp", udp.Payload),
            UnknownIpPayload fragment when frame.Network is Ipv4Packet { IsFragment: true } => (string.Empty, fragment.Bytes),
            _ => throw new ArgumentException($"Frame {frame.Number} carries no TCP, UDP or fragment.", nameof(frame)),
        };
        return $"eth:ethertype:{network}{transport}{(payload.IsEmpty ? string.Empty : ":data")}";
    }

    private static string Seconds(PcapRecord record, PcapRecord since)
    {
        var micros = Micros(record) - Micros(since);
        return string.Create(CultureInfo.InvariantCulture, $"{micros / 1_000_000}.{micros % 1_000_000 * 1000:D9}");
    }

    private static long Micros(PcapRecord record) => (long)record.TimestampSeconds * 1_000_000 + record.TimestampMicroseconds;

    private static void Ethernet(TsharkTree tree, IEthernetFrame ethernet)
    {
        tree.Add("eth.dst", ethernet.Destination.ToString());
        Address(tree.Tree("eth.dst_tree"), "eth.dst", ethernet.Destination);
        tree.Add("eth.src", ethernet.Source.ToString());
        Address(tree.Tree("eth.src_tree"), "eth.src", ethernet.Source);
        tree.Add("eth.type", Hex16(ethernet.Type));
    }

    // Each address's tree repeats it as "eth.addr" (either address) and splits out its first three bytes (the OUI)
    // and the two low bits of its first byte: locally administered (lg) and group (ig).
    private static void Address(TsharkTree tree, string name, MacAddress address)
    {
        var firstByte = (byte)(address.Value >> 40);
        var oui = (long)(address.Value >> 24);
        var local = (firstByte & 0b10) != 0;
        var group = (firstByte & 0b01) != 0;
        tree.Add($"{name}.oui", oui)
            .Add("eth.addr", address.ToString())
            .Add("eth.addr.oui", oui)
            .Add($"{name}.lg", local)
            .Add("eth.lg", local)
            .Add($"{name}.ig", group)
            .Add("eth.ig", group);
    }

    private static string Hex8(long value) => string.Create(CultureInfo.InvariantCulture, $"0x{value:x2}");

    private static string Hex16<T>(T value)
        where T : IConvertible => string.Create(CultureInfo.InvariantCulture, $"0x{value.ToUInt16(CultureInfo.InvariantCulture):x4}");
}
