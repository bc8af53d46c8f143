using System;

namespace ProtocolGen;

/// <summary>
/// Marks a partial record as a packet of the union it derives from or implements. Its fields are the
/// record's positional parameters, written in declaration order with no padding.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class PacketAttribute : Attribute
{
    /// <summary>
    /// Declares a packet whose frames carry <paramref name="packetType"/> as their type: 0 to 255 for the built-in frame
    /// formats' type byte; for a union framed by a <c>[FrameHeader]</c>, any number its <c>[FrameType]</c> holds.
    /// </summary>
    public PacketAttribute(int packetType) => PacketType = packetType;

    /// <summary>
    /// Declares a packet of a <c>[FrameHeader]</c> union whose 32-bit <c>[FrameType]</c> carries <paramref name="packetType"/>,
    /// which may be 2^31 or more (a literal such as <c>0x8000_0000</c> picks this constructor).
    /// </summary>
    public PacketAttribute(long packetType) => PacketType = packetType;

    /// <summary>The type that starts this packet's frames: the type byte, or the frame header's type.</summary>
    public long PacketType { get; }

    /// <summary>The packet's name outside C# (logs, JSON, layouts); the record's name when not set.</summary>
    public string? Name { get; set; }
}
