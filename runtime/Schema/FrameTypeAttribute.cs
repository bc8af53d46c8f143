using System;

namespace ProtocolGen;

/// <summary>
/// Makes an unsigned integer member of a <see cref="FrameHeaderAttribute">[FrameHeader]</see> (1 to 4 bytes, or a bit
/// field) the frame's packet type: <c>[Packet(n)]</c> numbers of the union are compared with it, and must fit it.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
public sealed class FrameTypeAttribute : Attribute
{
}
