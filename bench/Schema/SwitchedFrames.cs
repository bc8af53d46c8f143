using System;

namespace ProtocolGen.Benchmarks.Schema;

// The records of the "[Switch]" case of the new-kind rows: a link frame whose body its type picks, an IPv4 packet
// (no options) whose body its protocol picks in the window its total length gives, and a UDP datagram whose checksum
// adds the pseudo-header that packet hands it. Other types and protocols keep their bytes.

public enum LinkKind : ushort { Ipv4 = 0x0800 }

[WireUnion]
public partial interface ILinkBody;

[WireUnion]
public partial interface IIpBody;

[WireStruct, BigEndian]
public sealed partial record LinkFrame(LinkKind Type, [Switch(nameof(Type))] ILinkBody Body);

[WireCase(LinkKind.Ipv4, Name = "ip"), BigEndian]
public sealed partial record RoutedIpv4(
    [Bits(4, Container = 8), Fixed(4)] byte Version,
    [Bits(4), Fixed(5)] byte HeaderLength,
    byte TypeOfService,
    [LengthOf(nameof(Body), FromRecordStart = true)] ushort TotalLength,
    ushort Identification,
    ushort FlagsAndFragment,
    byte TimeToLive,
    IpProtocol Protocol,
    [Checksum(ChecksumAlgorithm.Internet, Through = nameof(Destination))] ushort HeaderChecksum,
    Ipv4Address Source,
    Ipv4Address Destination,
    [Switch(nameof(Protocol)), PseudoHeader(nameof(Source), nameof(Destination), nameof(Protocol))] IIpBody Body) : ILinkBody;

[WireCaseDefault]
public sealed partial record OtherLinkBody([RestOfFrame] ReadOnlyMemory<byte> Bytes) : ILinkBody;

[WireCase(IpProtocol.Udp, Name = "udp"), BigEndian]
public sealed partial record RoutedUdp(
    ushort SourcePort,
    ushort DestinationPort,
    [LengthOf(nameof(Data), FromRecordStart = true)] ushort Length,
    [Checksum(ChecksumAlgorithm.Internet, PseudoHeader = true)] ushort Checksum,
    ReadOnlyMemory<byte> Data) : IIpBody;

[WireCaseDefault]
public sealed partial record OtherIpBody([RestOfFrame] ReadOnlyMemory<byte> Bytes) : IIpBody;
