using System;
using ProtocolGen.Wire;

namespace ProtocolGen.Samples.Pcap;

/// <summary>
/// An IPv4 packet (RFC 791 §3.1), fields in the RFC's order: the header length counts 4-byte words from the packet's
/// first byte through the options, the total length from the first byte through the payload, and the header checksum
/// covers the header with its options. The payload is picked by <see cref="Protocol"/>, with the pseudo-header a TCP or
/// UDP checksum adds, except in a fragment (more fragments follow, or it is not the first), which keeps its bytes. The
/// options stay bytes in the schema (<see cref="Ipv4Options"/> reads them), since an option list is a run of
/// self-tagged records, which the schema cannot declare yet.
/// </summary>
[WireCase(EtherType.Ipv4, Name = "ipv4"), BigEndian]
public sealed partial record Ipv4Packet(
    [Bits(4, Container = 8), Fixed(4)] byte Version,
    [Bits(4), LengthOf(nameof(Options), Scale = 4, FromRecordStart = true)] byte HeaderLength,
    [Bits(6, Container = 8)] byte Dscp,
    [Bits(2)] byte Ecn,
    [LengthOf(nameof(Payload), FromRecordStart = true)] ushort TotalLength,
    ushort Identification,
    [Bits(1, Container = 16), Reserved] bool ReservedFlag,
    [Bits(1)] bool DontFragment,
    [Bits(1)] bool MoreFragments,
    [Bits(13)] ushort FragmentOffset,
    byte TimeToLive,
    IpProtocol Protocol,
    [Checksum(ChecksumAlgorithm.Internet, Through = nameof(Options))] ushort HeaderChecksum,
    Ipv4Address Source,
    Ipv4Address Destination,
    ReadOnlyMemory<byte> Options,
    [Switch(nameof(Protocol)), PseudoHeader(nameof(Source), nameof(Destination), nameof(Protocol))]
    [DefaultCaseWhen(nameof(MoreFragments), true), DefaultCaseWhen(nameof(FragmentOffset), 0, Not = true)]
    IIpPayload Payload) : IIpPacket
{
    /// <summary>Whether this packet is a fragment of a larger datagram (more follow, or it is not the first): the guards above, as one test.</summary>
    public bool IsFragment => MoreFragments || FragmentOffset != 0;

    /// <inheritdoc/>
    public ulong PseudoHeaderSum(int upperLayerLength) => Checksums.PseudoHeader(Source, Destination, (byte)Protocol, upperLayerLength);
}
