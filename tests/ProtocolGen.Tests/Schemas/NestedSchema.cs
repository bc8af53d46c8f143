using System;

namespace ProtocolGen.Tests.Schemas;

// Nested structures the encode checks must reach: fixed-length bytes inside a plain structure, inside a
// non-plain one, in arrays; an empty structure as a field and as elements; text a caller may write directly.

[ProtocolUnion(FrameFormat.TypeAndLength32)]
public partial interface INested;

[WireStruct]
public sealed partial record Mac([FixedLength(6)] byte[] Bytes);

[WireStruct]
public sealed partial record Tagged(bool On, [FixedLength(2)] byte[] B);

[WireStruct]
public sealed partial record Nothing();

[Packet(1)]
public sealed partial record WithMac(byte A, Mac Addr, byte Z) : INested;

[Packet(2)]
public sealed partial record WithMacs([CountPrefix(PrefixWidth.U8)] Mac[] Macs) : INested;

[Packet(3)]
public sealed partial record WithTagged(Tagged T) : INested;

[Packet(4)]
public sealed partial record WithNothing(Nothing X, byte B) : INested;

[Packet(5)]
public sealed partial record WithNothings([CountPrefix(PrefixWidth.U32)] Nothing[] Xs, uint Tail) : INested;

[Packet(6)]
public sealed partial record ShortText([LengthPrefix(PrefixWidth.U8)] string Text, uint After) : INested;
