using System;
using ProtocolGen.Wire;

namespace ProtocolGen.Samples.Pcap;

/// <summary>
/// An IPv6 packet (RFC 8200 §3): version, traffic class (DSCP and ECN) and flow label in one 32-bit group, the
/// payload's length, what it is, the hop limit and the addresses. The payload is picked by <see cref="NextHeader"/>,
/// with the pseudo-header a TCP or UDP checksum adds. Extension headers are not decoded: a next header other than TCP
/// or UDP leaves the payload as bytes.
/// </summary>
[WireCase(EtherType.Ipv6, Name = "ipv6"), BigEndian]
public sealed partial record Ipv6Packet(
    [Bits(4, Container = 32), Fixed(6)] byte Version,
    [Bits(6)] byte Dscp,
    [Bits(2)] byte Ecn,
    [Bits(20)] uint FlowLabel,
    [LengthOf(nameof(Payload))] ushort PayloadLength,
    IpProtocol NextHeader,
    byte HopLimit,
    Ipv6Address Source,
    Ipv6Address Destination,
    [Switch(nameof(NextHeader)), PseudoHeader(nameof(Source), nameof(Destination), nameof(NextHeader))] IIpPayload Payload) : IIpPacket
{
    /// <inheritdoc/>
    public IpProtocol Protocol => NextHeader;

    /// <inheritdoc/>
    public ulong PseudoHeaderSum(int upperLayerLength) => Checksums.PseudoHeader(Source, Destination, (byte)NextHeader, upperLayerLength);
}
