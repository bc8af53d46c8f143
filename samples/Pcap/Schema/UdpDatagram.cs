using System;

namespace ProtocolGen.Samples.Pcap;

/// <summary>
/// A UDP datagram (RFC 768). Its length counts the 8-byte header, and its checksum covers the IP pseudo-header,
/// which the reader and writer carry (<c>WireReader.PseudoHeader</c>); a checksum of 0 means the sender made none.
/// </summary>
[WireCase(IpProtocol.Udp, Name = "udp"), BigEndian]
public sealed partial record UdpDatagram(
    ushort SourcePort,
    ushort DestinationPort,
    [LengthOf(nameof(Payload), FromRecordStart = true)] ushort Length,
    [Checksum(ChecksumAlgorithm.Internet, PseudoHeader = true, ZeroMeansNone = true)] ushort Checksum,
    ReadOnlyMemory<byte> Payload) : IIpPayload;
