using System;

namespace ProtocolGen.Samples.Pcap;

/// <summary>
/// A TCP segment (RFC 9293 §3.1, with AccurateECN's AE bit): the data offset counts 4-byte words from the segment's
/// first byte through the options, the data is the rest of the IP payload, and the checksum covers the segment and
/// the IP pseudo-header, which the reader and writer carry (<c>WireReader.PseudoHeader</c>). The options stay bytes
/// in the schema (<see cref="TcpOptions"/> reads them), since an option list is a run of self-tagged records, which the
/// schema cannot declare yet.
/// </summary>
[WireCase(IpProtocol.Tcp, Name = "tcp"), BigEndian]
public sealed partial record TcpSegment(
    ushort SourcePort,
    ushort DestinationPort,
    uint SequenceNumber,
    uint AcknowledgmentNumber,
    [Bits(4, Container = 16), LengthOf(nameof(Options), Scale = 4, FromRecordStart = true)] byte DataOffset,
    [Bits(3), Reserved] byte Reserved,
    [Bits(1)] bool AccurateEcn,
    [Bits(1)] bool Cwr,
    [Bits(1)] bool Ece,
    [Bits(1)] bool Urgent,
    [Bits(1)] bool Ack,
    [Bits(1)] bool Push,
    [Bits(1)] bool Reset,
    [Bits(1)] bool Syn,
    [Bits(1)] bool Fin,
    ushort Window,
    [Checksum(ChecksumAlgorithm.Internet, PseudoHeader = true)] ushort Checksum,
    ushort UrgentPointer,
    ReadOnlyMemory<byte> Options,
    [RestOfFrame] ReadOnlyMemory<byte> Data) : IIpPayload;
