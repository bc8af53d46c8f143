using System;
using System.Collections.Immutable;

namespace ProtocolGen.Tests.Schemas;

// A small protocol of the tests' own: an interface-rooted union whose packets are struct and class
// records, using field kinds the Portmaster schema does not.

[ProtocolUnion(FrameFormat.TypeAndLength32)]
public partial interface ITelemetry;

[WireStruct]
public readonly partial record struct Sample(uint Time, short Value, bool Valid);

[WireStruct]
public sealed partial record Tag([LengthPrefix(PrefixWidth.U8)] string Key, [LengthPrefix(PrefixWidth.U16)] byte[] Value);

public enum Level : short
{
    Low = -1,
    High = 1,
}

[Packet(10)]
public readonly partial record struct Heartbeat(ulong Sequence, long Uptime, sbyte Drift, Level Level) : ITelemetry;

[Packet(11)]
public partial record struct Samples(
    [FixedLength(3)] byte[] Station,
    [CountPrefix(PrefixWidth.U16)] Sample[] Values,
    [CountPrefix(PrefixWidth.U8)] ImmutableArray<Tag> Tags) : ITelemetry;

[Packet(12, Name = "note")]
public sealed partial record Note(Sample Where, [LengthPrefix(PrefixWidth.U8)] string Title, [RestOfFrame] ReadOnlyMemory<byte> Body) : ITelemetry;

public static partial class Nested
{
    [Packet(13)]
    public sealed partial record Empty : ITelemetry;
}
