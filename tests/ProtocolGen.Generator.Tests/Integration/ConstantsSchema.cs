using System;

namespace ProtocolGen.Generator.Tests.Integration;

// A schema of the constants ([Magic], [Fixed], [ClosedEnum]), compiled by the generator as a user's project is.

[ProtocolUnion(FrameFormat.TypeAndLength32)]
public abstract partial record Constants;

// Not contiguous: named values are told by a switch.
[ClosedEnum]
public enum LinkType : uint { Ethernet = 1, Raw = 101 }

// Contiguous: one range compare.
[ClosedEnum]
public enum Level : byte { Low = 1, Mid, High }

[ClosedEnum, Flags]
public enum Options : ushort { None = 0, Compressed = 1, Signed = 2, Urgent = 8 }

[ClosedEnum]
public enum Sign : sbyte { Minus = -1, Zero, Plus }

// An open enum: unnamed values decode and re-encode unchanged, as before.
public enum Colour : byte { Red, Green }

// pcap's file header: 4 bytes of magic, then the fields, in one run of 12 bytes.
[WireStruct, Magic(0xD4, 0xC3, 0xB2, 0xA1)]
public readonly partial record struct FileHeader([Fixed(2)] ushort VersionMajor, ushort VersionMinor, LinkType Network);

// ASCII magic; the magic and the prefix of the name share the first run.
[Packet(1), Magic("PG")]
public sealed partial record Hello([Fixed(1)] byte Version, Level Level, [LengthPrefix(PrefixWidth.U8)] string Name) : Constants;

// Nothing but the magic.
[Packet(2), Magic(0x7E)]
public sealed partial record Ping : Constants;

// Every constant kind, big-endian.
[Packet(3), BigEndian]
public sealed partial record Marked(
    [Fixed(true)] bool Marker,
    [Fixed(-5)] sbyte Bias,
    [Fixed(Level.High)] Level Fixed,
    [Fixed(0x0102)] ushort Word,
    [Fixed(7)] Colour Colour,
    Options Options,
    Sign Sign,
    Colour Open) : Constants;

// A nested structure with magic reads itself (it can refuse bytes).
[Packet(4)]
public sealed partial record Capture(FileHeader Header, byte After) : Constants;

// Magic before a first field that reads itself: a run of magic alone.
[WireStruct, Magic(0xCA, 0xFE)]
public sealed partial record Wrapped(FileHeader Inner, [RestOfFrame] byte[] Rest);

[Packet(5)]
public sealed partial record Envelope(ushort Id, Wrapped Body) : Constants;

// Closed enums in arrays: each element is checked.
[Packet(6)]
public sealed partial record Levels([CountPrefix(PrefixWidth.U8)] Level[] Values, [CountPrefix(PrefixWidth.U16)] System.Collections.Immutable.ImmutableArray<LinkType> Links) : Constants;
