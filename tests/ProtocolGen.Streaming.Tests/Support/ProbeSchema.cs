namespace ProtocolGen.Streaming.Tests.Support;

// A union of the tests' own, rooted in an interface and mixing a struct packet with a class packet, to
// check the generated handler dispatch for the shapes the Portmaster schema does not use.

[ProtocolUnion(FrameFormat.TypeAndLength32)]
public partial interface IProbe;

[Packet(1)]
public readonly partial record struct Ping(uint Sequence) : IProbe;

[Packet(2)]
public sealed partial record Note([RestOfFrame] string Text) : IProbe;

// A union without frame lengths whose packet has a variable-length field, as a hostile command stream could use.

[ProtocolUnion(FrameFormat.TypeOnly)]
public abstract partial record Blobs;

[Packet(1)]
public sealed partial record Blob([LengthPrefix(PrefixWidth.U32)] System.ReadOnlyMemory<byte> Data) : Blobs;
