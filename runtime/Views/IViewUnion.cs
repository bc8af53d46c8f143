using System;

namespace ProtocolGen;

/// <summary>
/// A union whose packets have generated views: besides decoding records, it can check a frame body for a view
/// without building one. Implemented by generated code.
/// </summary>
/// <typeparam name="TSelf">The union's root type.</typeparam>
public interface IViewUnion<TSelf> : IPacketUnion<TSelf>
    where TSelf : IViewUnion<TSelf>
{
    /// <summary>
    /// Checks the body of the packet <paramref name="packetType"/> names, as decoding it would (same error kinds
    /// and offsets), without building it. An unknown type is <see cref="ProtocolErrorKind.UnknownType"/>.
    /// </summary>
    static abstract ViewCheck CheckBody(byte packetType, ReadOnlySpan<byte> body);
}
