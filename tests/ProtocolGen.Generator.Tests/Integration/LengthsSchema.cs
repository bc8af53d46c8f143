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
