using System;
using ProtocolGen.Wire;

namespace ProtocolGen.Samples.Pcap;

/// <summary>
/// One captured frame, read layer by layer: the pcap record, its Ethernet frame, the packet that frame carries
/// (<see cref="IIpPacket"/> or <see cref="UnknownEtherPayload"/>), the transport segment in an IP packet, and any bytes
/// after the IP packet (Ethernet padding). Each layer is a schema record; only the choice of the next layer's record is
/// plain C# here (<see cref="PcapFrameReader"/>), until <c>[Switch]</c> unions (design step 8) put it in the schema.
/// </summary>
/// <param name="Number">The frame's position in its file, from 1 (tshark's <c>frame.number</c>).</param>
/// <param name="Record">The pcap record as read; its <see cref="PcapRecord.Data"/> holds every layer's bytes.</param>
/// <param name="Ethernet">The Ethernet frame; its payload holds <see cref="Network"/>'s bytes, then <see cref="Trailer"/>.</param>
/// <param name="Network">What the Ethernet frame carries.</param>
/// <param name="Transport">What an IP packet carries (a TCP segment, a UDP datagram or its bytes); null when
/// <see cref="Network"/> is not IP.</param>
/// <param name="Trailer">The Ethernet payload's bytes after the IP packet's end, which its length fields give.</param>
public sealed record PcapFrame(
    int Number,
    PcapRecord Record,
    EthernetFrame Ethernet,
    IEtherPayload Network,
    IIpPayload? Transport,
    ReadOnlyMemory<byte> Trailer)
{
    /// <summary>
    /// The pcap record of this frame's layers, encoded from the top down: the transport segment with its IP packet's
    /// pseudo-header, the packet around it, the Ethernet frame around that. Every length and checksum is computed as it
    /// is written, so a layer edited with <c>with</c> (or zeroed) gives a consistent record.
    /// </summary>
    /// <exception cref="InvalidOperationException">A transport segment without an IP packet to carry it.</exception>
    /// <exception cref="WireEncodeException">A field the wire cannot carry.</exception>
    public PcapRecord ToRecord()
    {
        var network = Network;
        if (Transport is not null)
        {
            var ip = network as IIpPacket
                ?? throw new InvalidOperationException($"Frame {Number} has a transport segment but carries no IP packet ({network.GetType().Name}).");
            network = ip.WithPayload(EncodeTransport(Transport, ip));
        }

        var networkSize = network.WireSize;
        var payload = new byte[networkSize + Trailer.Length];
        WireCodec.Write(network, payload);
        Trailer.Span.CopyTo(payload.AsSpan(networkSize));
        return Record with { Data = WireCodec.ToArray(Ethernet with { Payload = payload }) };
    }

    /// <summary>Whether both frames hold the same layers and trailer bytes.</summary>
    public bool Equals(PcapFrame? other) =>
        other is not null
        && Number == other.Number
        && Record.Equals(other.Record)
        && Ethernet.Equals(other.Ethernet)
        && Network.Equals(other.Network)
        && Equals(Transport, other.Transport)
        && Trailer.Span.SequenceEqual(other.Trailer.Span);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Number, Record, Ethernet, Network, Transport);

    // TCP and UDP checksums cover the IP pseudo-header, which the writer carries as the reader did.
    private static byte[] EncodeTransport(IIpPayload transport, IIpPacket ip)
    {
        var bytes = new byte[transport.WireSize];
        var writer = new WireWriter(bytes) { PseudoHeader = ip.PseudoHeaderSum(bytes.Length) };
        transport.WriteTo(ref writer);
        return bytes;
    }
}
