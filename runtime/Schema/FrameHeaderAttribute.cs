using System;

namespace ProtocolGen;

/// <summary>
/// Marks a partial record (or record struct) as the frame header of the unions declared
/// <c>[ProtocolUnion(typeof(ThisHeader))]</c>: a constant-size wire structure, in its own byte order, that holds the
/// frame's <see cref="FrameLengthAttribute">length</see> and, unless the union has a single packet, its
/// <see cref="FrameTypeAttribute">type</see>. It may also hold <c>[Magic]</c>, <c>[Fixed]</c> values and padding.
/// </summary>
/// <remarks>
/// The generator implements the framing contract on it; the runtime's framing (caps, truncation, trailing bytes,
/// skipping a bad frame) is the same as for <see cref="FrameFormat.TypeAndLength32"/>. Data fields (any other member)
/// are not supported yet (PG0047).
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class FrameHeaderAttribute : Attribute
{
}
