using System;

namespace ProtocolGen;

/// <summary>
/// Marks a partial record as a packet of the union it derives from or implements. Its fields are the
/// record's positional parameters, written in declaration order with no padding.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class PacketAttribute : Attribute
{
    /// <summary>Declares a packet whose frames carry <paramref name="packetType"/> (0 to 255) as their type byte.</summary>
    public PacketAttribute(int packetType) => PacketType = packetType;

    /// <summary>The type byte that starts this packet's frames.</summary>
    public int PacketType { get; }

    /// <summary>The packet's name outside C# (logs, JSON, layouts); the record's name when not set.</summary>
    public string? Name { get; set; }
}
