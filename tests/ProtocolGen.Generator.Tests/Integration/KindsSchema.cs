using System;
using System.Collections.Immutable;

namespace ProtocolGen.Generator.Tests.Integration;

// A schema with every field kind, compiled by the generator as a user's project is. Each packet groups
// one family of kinds, so a failing round trip names the family.

[ProtocolUnion(FrameFormat.TypeAndLength32)]
public abstract partial record Kinds;

public enum ByteEnum : byte { Zero, Max = byte.MaxValue }

public enum SByteEnum : sbyte { Min = sbyte.MinValue, Zero = 0 }

public enum Int16Enum : short { Min = short.MinValue, One = 1 }

public enum UInt16Enum : ushort { One = 1, Max = ushort.MaxValue }

public enum Int32Enum { Min = int.MinValue, One = 1 }

public enum UInt32Enum : uint { One = 1, Max = uint.MaxValue }

public enum Int64Enum : long { Min = long.MinValue, One = 1 }

public enum UInt64Enum : ulong { One = 1, Max = ulong.MaxValue }

[Packet(1)]
public sealed partial record Integers(byte U8, sbyte I8, ushort U16, short I16, uint U32, int I32, ulong U64, long I64, bool Flag) : Kinds;

[Packet(2)]
public sealed partial record Enums(ByteEnum A, SByteEnum B, Int16Enum C, UInt16Enum D, Int32Enum E, UInt32Enum F, Int64Enum G, UInt64Enum H) : Kinds;

[Packet(3)]
public sealed partial record FixedBytes(
    [FixedLength(3)] byte[] Array,
    [FixedLength(2)] ReadOnlyMemory<byte> Memory,
    Ipv4Address V4,
    Ipv6Address V6) : Kinds;

[Packet(4)]
public sealed partial record Prefixed(
    [LengthPrefix(PrefixWidth.U8)] byte[] Small,
    [LengthPrefix(PrefixWidth.U16)] ReadOnlyMemory<byte> Medium,
    [LengthPrefix(PrefixWidth.U32)] byte[] Large,
    [LengthPrefix(PrefixWidth.U8)] string ShortText,
    [LengthPrefix(PrefixWidth.U16)] string MediumText,
    [LengthPrefix(PrefixWidth.U32)] string LongText) : Kinds;

[Packet(5)]
public sealed partial record RestBytes(ushort Tag, [RestOfFrame] ReadOnlyMemory<byte> Data) : Kinds;

[Packet(6)]
public sealed partial record RestText(ushort Tag, [RestOfFrame] string Text) : Kinds;

[Packet(7)]
public sealed partial record RestArray(byte Tag, [RestOfFrame] byte[] Data) : Kinds;

[WireStruct]
public readonly partial record struct Point(int X, int Y);

[WireStruct]
public sealed partial record Label(Point At, [LengthPrefix(PrefixWidth.U8)] string Text);

[Packet(8)]
public sealed partial record Nested(Point Origin, Label Caption, byte After) : Kinds;

[Packet(9)]
public sealed partial record StructArrays(
    [CountPrefix(PrefixWidth.U8)] Point[] Points,
    [CountPrefix(PrefixWidth.U16)] ImmutableArray<Label> Labels,
    [CountPrefix(PrefixWidth.U32)] ImmutableArray<Point> More) : Kinds;

[Packet(10)]
public sealed partial record PrimitiveArrays(
    [CountPrefix(PrefixWidth.U8)] byte[] Bytes,
    [CountPrefix(PrefixWidth.U8)] sbyte[] SBytes,
    [CountPrefix(PrefixWidth.U16)] ushort[] UShorts,
    [CountPrefix(PrefixWidth.U16)] ImmutableArray<short> Shorts,
    [CountPrefix(PrefixWidth.U32)] uint[] UInts,
    [CountPrefix(PrefixWidth.U32)] ImmutableArray<int> Ints,
    [CountPrefix(PrefixWidth.U8)] ulong[] ULongs,
    [CountPrefix(PrefixWidth.U8)] ImmutableArray<long> Longs,
    [CountPrefix(PrefixWidth.U8)] bool[] Flags,
    [CountPrefix(PrefixWidth.U16)] Int16Enum[] Levels,
    [CountPrefix(PrefixWidth.U8)] ImmutableArray<UInt64Enum> Wide) : Kinds;

[Packet(11)]
public sealed partial record PerFieldBigEndian(
    ushort Little,
    [BigEndian] ushort Big,
    [BigEndian] UInt32Enum BigEnum,
    [BigEndian, LengthPrefix(PrefixWidth.U16)] string BigPrefixed,
    [BigEndian, CountPrefix(PrefixWidth.U16)] uint[] BigValues) : Kinds;

[WireStruct]
[BigEndian]
public readonly partial record struct BigPoint(short X, long Y);

// A value-type structure with sequence fields: its Equals compares them by value, one `&&` line each.
[WireStruct]
public readonly partial record struct Sampled(
    byte Channel,
    [CountPrefix(PrefixWidth.U8)] byte[] Bytes,
    [CountPrefix(PrefixWidth.U16)] ImmutableArray<ushort> Samples);

[Packet(12)]
[BigEndian]
public sealed partial record BigEndianRecord(
    uint Value,
    Int64Enum Level,
    BigPoint Where,
    Point LittleInside,
    [CountPrefix(PrefixWidth.U16)] ImmutableArray<ushort> Values,
    [LengthPrefix(PrefixWidth.U32)] ReadOnlyMemory<byte> Payload) : Kinds;

[Packet(13)]
public sealed partial record Empty : Kinds;
