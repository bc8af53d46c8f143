using ProtocolGen.Json;

namespace ProtocolGen;

/// <summary>A packet: a wire structure sent in a frame that starts with its type byte.</summary>
public interface IPacket : IWireWritable, IJsonWritable
{
    /// <summary>The type byte of this packet's frames.</summary>
    byte PacketType { get; }
}
