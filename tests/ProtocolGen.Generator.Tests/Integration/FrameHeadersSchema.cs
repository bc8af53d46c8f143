using System;

namespace ProtocolGen.Generator.Tests.Integration;

// Unions framed by [FrameHeader] records, compiled by the generator as a user's project is.

// The design's bus header: big-endian, 0x7E magic, a whole-frame u16 length, a u16 type at offset 3, a pad byte.
[FrameHeader, BigEndian, Magic(0x7E)]
public readonly partial record struct BusHeader(
    [FrameLength(Counting = FrameLengthCounting.WholeFrame)] ushort Length,
    [FrameType, PadAfter(1)] ushort Type);

[ProtocolUnion(typeof(BusHeader))]
public abstract partial record BusMessage;

// 7E 00 0A 01 02 00 | sequence: a type wider than a byte.
[Packet(0x0102), BigEndian]
public sealed partial record BusPing(uint Sequence) : BusMessage;

[Packet(1)]
public sealed partial record BusText([LengthPrefix(PrefixWidth.U8)] string Text) : BusMessage;

// Little-endian: a u16 type, a u32 body length, then a fixed version byte; an interface union with a struct packet.
[FrameHeader]
public readonly partial record struct SensorHeader([FrameType] ushort Kind, [FrameLength] uint BodyLength, [Fixed(1)] byte Version);

[ProtocolUnion(typeof(SensorHeader))]
public partial interface ISensorRecord;

[Packet(0x1234)]
public sealed partial record SensorReading(ushort Sensor, int Value) : ISensorRecord;

[Packet(7)]
public readonly partial record struct Blob([RestOfFrame] byte[] Data) : ISensorRecord;

// One byte: a 4-bit type and a 4-bit length in 4-byte words; a header class rather than a struct.
[FrameHeader]
public sealed partial record TinyHeader([Bits(4, Container = 8), FrameType] byte Type, [Bits(4), FrameLength(Scale = 4)] byte Words);

[ProtocolUnion(typeof(TinyHeader))]
public abstract partial record Tiny;

[Packet(15)]
public sealed partial record TinyPair(ushort A, ushort B) : Tiny;

// No type: the union has one packet, and the length counts 2 bytes of trailer beyond the body (Offset = 2).
[FrameHeader, BigEndian]
public readonly partial record struct ChunkHeader([Fixed(0xC0DE)] ushort Marker, [FrameLength(Offset = 2)] uint Length);

[ProtocolUnion(typeof(ChunkHeader))]
public abstract partial record Chunks;

[Packet(0)]
public sealed partial record Chunk([RestOfFrame] ReadOnlyMemory<byte> Data) : Chunks;

// Bytes in 4-byte words: a body that is not a multiple of 4, or over 60 bytes, has no length the header can say.
[Packet(2)]
public sealed partial record TinyBytes([RestOfFrame] byte[] Data) : Tiny;

// An 8-byte length with a negative offset (the field counts 2 bytes fewer than the body): a hostile value over any cap
// is one FrameTooLarge that skips the rest, never a length that wraps negative.
[FrameHeader]
public readonly partial record struct WideLengthHeader([FrameType] byte Type, [FrameLength(Offset = -2)] ulong Length);

[ProtocolUnion(typeof(WideLengthHeader))]
public abstract partial record WideLength;

[Packet(1)]
public sealed partial record WideByte(byte X, byte Y) : WideLength;

// A 24-bit type in a 64-bit container, beside a 40-bit length.
[FrameHeader, BigEndian]
public readonly partial record struct PackedHeader([Bits(24, Container = 64), FrameType] ulong Type, [Bits(40), FrameLength] ulong Length);

[ProtocolUnion(typeof(PackedHeader))]
public abstract partial record Packed;

[Packet(0xABCDEF)]
public sealed partial record PackedValue(ushort Value) : Packed;

// A 32-bit type whose numbers reach 2^31 and above ([Packet(long)]).
[FrameHeader, BigEndian]
public readonly partial record struct WideTypeHeader([FrameType] uint Type, [FrameLength] byte Length);

[ProtocolUnion(typeof(WideTypeHeader))]
public abstract partial record WideType;

[Packet(0xFFFF_FFF0)]
public sealed partial record HighNumbered(byte Value) : WideType;

[Packet(7)]
public sealed partial record LowNumbered(byte Value) : WideType;

// Fixed members named as the framing read's parameters: a header without a [FrameType] whose fixed byte is "Type",
// and one whose fixed byte is "BodyLength" (review: the fast read's locals must not take those names).
[FrameHeader, BigEndian]
public readonly partial record struct TypedHeader([Fixed(0x42)] byte Type, [FrameLength] ushort Length);

[ProtocolUnion(typeof(TypedHeader))]
public abstract partial record TypedUnion;

[Packet(0)]
public sealed partial record TypedBody(byte X) : TypedUnion;

[FrameHeader, BigEndian]
public readonly partial record struct NamedLengthHeader([FrameType] byte Kind, [Fixed(7)] byte BodyLength, [FrameLength] ushort Size);

[ProtocolUnion(typeof(NamedLengthHeader))]
public abstract partial record NamedLength;

[Packet(1)]
public sealed partial record NamedLengthBody(byte X) : NamedLength;

// Every check a header may make: a fixed bool, padding that must be zero before and after, a fixed closed enum, fixed bits.
[ClosedEnum]
public enum HeaderVersion : byte { V1 = 1, V2 = 2 }

[FrameHeader, BigEndian]
public readonly partial record struct StrictHeader(
    [Fixed(true)] bool Flag,
    [FrameType, PadAfter(1, MustBeZero = true)] byte Type,
    [Fixed(HeaderVersion.V2)] HeaderVersion Version,
    [Bits(4, Container = 8), Fixed(3)] byte High,
    [Bits(4), Fixed(0)] byte Low,
    [FrameLength, PadBefore(1, MustBeZero = true)] ushort Length);

[ProtocolUnion(typeof(StrictHeader))]
public abstract partial record StrictFrames;

[Packet(1)]
public sealed partial record StrictBody(byte X) : StrictFrames;
