using System.Collections.Immutable;

namespace ProtocolGen.Generator.Tests.Integration;

// A schema of fixed-count arrays ([FixedCount(n)]) and padding ([PadBefore], [PadAfter]), compiled by the generator
// as a user's project is.

[ProtocolUnion(FrameFormat.TypeAndLength32)]
public abstract partial record Counted;

[WireStruct]
public readonly partial record struct CountPoint(short X, short Y);

[ClosedEnum]
public enum CountMode : byte { Off, On, Auto }

// A structure that reads itself (its text varies in length): a fixed count of it is a tail of exactly that many.
[WireStruct]
public readonly partial record struct CountTag(byte Code, [LengthPrefix(PrefixWidth.U8)] string Text);

// A plain structure with padding inside: an array of it is still read by length alone.
[WireStruct]
public readonly partial record struct PaddedCell(byte Kind, [PadBefore(3)] uint Value);

// A plain run: integers, a fixed-count array of integers, padding (one checked), plain structures and bytes stay
// one run of 32 bytes, one bounds check, every field at a constant offset.
[Packet(1)]
public sealed partial record Sample(
    ushort Id,
    [FixedCount(4)] short[] Channels,
    [PadBefore(2)] uint Stamp,
    [PadAfter(1, MustBeZero = true)] byte Flags,
    [FixedCount(2)] CountPoint[] Corners,
    [FixedCount(6)] byte[] Mac) : Counted;

// Big-endian elements, closed enums and booleans that refuse bytes, padding before a prefix, structures that read
// themselves, and checked padding after them.
[Packet(2), BigEndian]
public sealed partial record Mixed(
    [FixedCount(3)] ImmutableArray<ushort> Levels,
    [FixedCount(2)] CountMode[] Modes,
    [FixedCount(3)] bool[] Switches,
    [PadBefore(1), LengthPrefix(PrefixWidth.U8)] string Name,
    [FixedCount(2)] ImmutableArray<CountTag> Tags,
    [PadBefore(2, MustBeZero = true)] ushort Last) : Counted;

[Packet(3)]
public sealed partial record Grid([FixedCount(2)] PaddedCell[] Cells, [PadAfter(2)] byte End) : Counted;
