namespace ProtocolGen.Generator.Tests.Integration;

// A schema of bit fields, compiled by the generator as a user's project is.

[ProtocolUnion(FrameFormat.TypeAndLength32)]
public abstract partial record Bitwise;

public enum IpProtocol : byte { Icmp = 1, Tcp = 6, Udp = 17 }

// An IPv4 header as RFC 791 draws it (no options): three bit groups in one 20-byte run, one bounds check.
[Packet(1), BigEndian]
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
    ushort HeaderChecksum,
    Ipv4Address Source,
    Ipv4Address Destination) : Bitwise;

// TCP's data offset and flags (RFC 9293): a 16-bit group of an offset, 3 reserved bits and nine one-bit flags.
[Packet(2), BigEndian]
public sealed partial record TcpHeader(
    ushort SourcePort,
    ushort DestinationPort,
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
    ushort Window) : Bitwise;

public enum Priority : byte { Low, Normal, High, Urgent }

[ClosedEnum]
public enum Mode : byte { Off, On, Auto }

// Little-endian, so LSB first: the first member takes the container's low bits, which are in the first byte.
[Packet(3)]
public sealed partial record Telemetry(
    [Bits(2, Container = 24)] Priority Priority,
    [Bits(1)] bool Alarm,
    [Bits(1), Fixed(true)] bool Marker,
    [Bits(20)] uint Sequence,
    [Bits(12, Container = 32)] ushort Channel,
    [Bits(2)] Mode Mode,
    [Bits(18)] uint Reading) : Bitwise;

// A plain structure of one 64-bit big-endian group, read and written through ReadFixed/WriteFixed.
[WireStruct, BigEndian]
public readonly partial record struct Timestamp([Bits(44, Container = 64)] ulong Seconds, [Bits(20)] uint Microseconds);

// A 40-bit container, a PDL-style group counted from its low bits in a big-endian record, and a group after a
// variable-length field (at an offset only the frame tells).
[Packet(4), BigEndian]
public sealed partial record Stamped(
    Timestamp When,
    [Bits(40, Container = 40)] ulong Counter,
    [Bits(3, Container = 8, Order = BitOrder.LsbFirst)] Priority Level,
    [Bits(5), Reserved] byte Spare,
    [LengthPrefix(PrefixWidth.U8)] byte[] Data,
    [Bits(4, Container = 8)] byte High,
    [Bits(4)] byte Low) : Bitwise;

// deku's default in a little-endian record: [BitOrder] makes its groups MSB first.
[WireStruct, BitOrder(BitOrder.MsbFirst)]
public sealed partial record DekuFlags([Bits(4, Container = 16)] byte Kind, [Bits(12)] ushort Length, uint Tail);

// A reserved byte that is not a bit field: kept and compared like any other. (A member named Kind would be PG0049:
// a packet's JSON starts with its "kind".)
[Packet(5)]
public sealed partial record Spared(byte Code, [Reserved] byte Spare, ushort Value) : Bitwise;
