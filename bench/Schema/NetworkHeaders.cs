namespace ProtocolGen.Benchmarks.Schema;

// The records of the "decode new kinds" and "encode new kinds" rows: headers as their RFCs draw them, declared
// with bit groups, constants and checksums. They are [WireStruct]s, not packets of a union: a header is read from
// (and written into) the bytes of a captured or outgoing packet, with no frame of its own.

public enum IpProtocol : byte { Icmp = 1, Tcp = 6, Udp = 17 }

// An IPv4 header without options (RFC 791): 20 bytes in one run, three bit groups, the version fixed at 4, the
// reserved flag kept as read, and the Internet checksum inside the range it covers (the whole header).
[WireStruct, BigEndian]
public sealed partial record Ipv4Header(
    [Bits(4, Container = 8), Fixed(4)] byte Version,
    [Bits(4)] byte HeaderLength,
    [Bits(6, Container = 8)] byte Dscp,
    [Bits(2)] byte Ecn,
    ushort TotalLength,
    ushort Identification,
    [Bits(1, Container = 16), Reserved] bool ReservedFlag,
    [Bits(1)] bool DontFragment,
    [Bits(1)] bool MoreFragments,
    [Bits(13)] ushort FragmentOffset,
    byte TimeToLive,
    IpProtocol Protocol,
    [Checksum(ChecksumAlgorithm.Internet)] ushort HeaderChecksum,
    Ipv4Address Source,
    Ipv4Address Destination);

// A TCP header without options (RFC 9293, with AccurateECN's AE bit): 20 bytes in one run, a 16-bit group of the
// data offset, 3 reserved bits and nine flags. The checksum is a plain Internet checksum of the header alone (a
// real one also covers the pseudo-header and the payload, which a header record does not hold).
[WireStruct, BigEndian]
public sealed partial record TcpHeader(
    ushort SourcePort,
    ushort DestinationPort,
    uint SequenceNumber,
    uint AcknowledgmentNumber,
    [Bits(4, Container = 16)] byte DataOffset,
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
    [Checksum(ChecksumAlgorithm.Internet)] ushort Checksum,
    ushort UrgentPointer);

// A device record of C text: 4 bytes of magic, a fixed version, a char[16] model (one run of 27 bytes with the
// integers), a C string of any length, and a run of one integer after it.
[WireStruct, Magic("PGDR")]
public sealed partial record DeviceRecord(
    [Fixed(1)] byte Version,
    ushort Flags,
    uint Serial,
    [FixedLength(16)] string Model,
    [NullTerminated] string Location,
    uint Timestamp);
