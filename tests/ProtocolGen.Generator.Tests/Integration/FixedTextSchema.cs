namespace ProtocolGen.Generator.Tests.Integration;

// A schema of text in fields of fixed length (a C char[n]), compiled by the generator as a user's project is.

[ProtocolUnion(FrameFormat.TypeAndLength32)]
public abstract partial record Named;

// A tar-like header: fixed texts between integers stay one run of 28 bytes, one bounds check.
[Packet(1)]
public sealed partial record Entry([FixedLength(16)] string Name, uint Mode, [FixedLength(8)] string Owner) : Named;

// A fixed text in a nested structure, and one last in a big-endian record (text has no byte order).
[WireStruct]
public readonly partial record struct CodeLabel(byte Id, [FixedLength(4)] string Code);

[Packet(2), BigEndian]
public sealed partial record Noted(ushort Count, CodeLabel Label, [FixedLength(6)] string Note) : Named;

// C strings: two texts each ended by its 0x00, an integer after them, and a char[8] that must hold its 0x00.
[Packet(3)]
public sealed partial record FilePath([NullTerminated] string Directory, [NullTerminated] string File, ushort Flags, [NullTerminated, FixedLength(8)] string Tag) : Named;
