using System;
using System.Collections.Immutable;

namespace ProtocolGen.Generator.Tests.Integration;

// A schema of lengths and counts that earlier fields hold ([LengthOf], [CountOf]), compiled by the generator as a user's project is.

[ProtocolUnion(FrameFormat.TypeAndLength32)]
public abstract partial record Measured;

// IPv4-like: a header length in 4-byte words from the record's start (the 8 fixed bytes and the options), and a total
// length from the record's start through the payload; the options end one run, the payload starts after them.
[Packet(1), BigEndian]
public sealed partial record MeasuredDatagram(
    byte Version,
    [LengthOf(nameof(Options), Scale = 4, FromRecordStart = true)] byte HeaderLength,
    [LengthOf(nameof(Payload), FromRecordStart = true)] ushort TotalLength,
    uint Identification,
    ReadOnlyMemory<byte> Options,
    byte[] Payload) : Measured;

[WireStruct, BigEndian]
public readonly partial record struct MeasuredSample(ushort Channel, int Reading);

[WireStruct]
public sealed partial record Note(byte Level, [LengthPrefix(PrefixWidth.U8)] string Text);

// Counts not adjacent to their arrays: a text and an integer lie between the first count and its array.
[Packet(2), BigEndian]
public sealed partial record MeasuredBatch(
    [CountOf(nameof(Samples))] byte SampleCount,
    [CountOf("Notes")] ushort NoteCount,
    [LengthPrefix(PrefixWidth.U8)] string Label,
    uint Sequence,
    ImmutableArray<MeasuredSample> Samples,
    Note[] Notes) : Measured;

// A text whose length is two fields earlier, then a field after it.
[Packet(3)]
public sealed partial record Greeting([LengthOf(nameof(Text))] ushort TextLength, byte Flags, string Text, uint Trailer) : Measured;

[WireStruct]
public sealed partial record Tlv(byte Type, [LengthOf(nameof(Value))] byte Length, byte[] Value);

[WireStruct]
public readonly partial record struct Corner(short X, short Y);

// Windows: elements of varying size until the length ends (length × 2 − 2 bytes), a structure of exactly its length,
// and integers by their length in bytes, counting one more (length − 1 bytes).
[Packet(4)]
public sealed partial record Bundle(
    [LengthOf(nameof(Items), Scale = 2, Offset = 2)] byte ItemsSize,
    ImmutableArray<Tlv> Items,
    [LengthOf(nameof(Origin))] byte OriginLength,
    Corner Origin,
    [LengthOf(nameof(Words), Offset = 1)] byte WordBytes,
    ushort[] Words) : Measured;

// The widest length field there is.
[Packet(5)]
public sealed partial record Wide([LengthOf(nameof(Blob))] ulong BlobLength, ReadOnlyMemory<byte> Blob) : Measured;

// IPv4 with options (RFC 791): the header length is a 4-bit field, in 4-byte words from the record's start (the 20
// fixed bytes and the options); the total length counts from the record's start through the payload; the header
// checksum covers the header, options included.
[Packet(6), BigEndian]
public sealed partial record MeasuredIpv4Packet(
    [Bits(4, Container = 8), Fixed(4)] byte Version,
    [Bits(4), LengthOf(nameof(Options), Scale = 4, FromRecordStart = true)] byte HeaderLength,
    byte TypeOfService,
    [LengthOf(nameof(Payload), FromRecordStart = true)] ushort TotalLength,
    ushort Identification,
    [Bits(1, Container = 16), Reserved] bool ReservedFlag,
    [Bits(1)] bool DontFragment,
    [Bits(1)] bool MoreFragments,
    [Bits(13)] ushort FragmentOffset,
    byte TimeToLive,
    byte Protocol,
    [Checksum(ChecksumAlgorithm.Internet, Through = nameof(Options))] ushort HeaderChecksum,
    Ipv4Address Source,
    Ipv4Address Destination,
    byte[] Options,
    byte[] Payload) : Measured;

// A TCP segment with options (RFC 9293): the data offset is the first 4 bits of a 16-bit group with reserved bits and
// nine flags, in 4-byte words from the record's start; the checksum covers the segment and the IP pseudo-header.
[Packet(7), BigEndian]
public sealed partial record MeasuredTcpSegment(
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
    byte[] Options,
    [RestOfFrame] byte[] Payload) : Measured;

// A count in the upper 12 bits of a little-endian 24-bit group (LSB first: the tag takes the low bits), its array a
// run later (after a text).
[Packet(8)]
public sealed partial record MeasuredTags(
    [Bits(12, Container = 24)] ushort Tag,
    [Bits(12), CountOf(nameof(Values))] ushort Count,
    [LengthPrefix(PrefixWidth.U8)] string Label,
    ushort[] Values) : Measured;
