using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using ProtocolGen.Framing;
using ProtocolGen.Wire;

// For generated code; not a stable API (see Internal/NamespaceDoc.cs).
namespace ProtocolGen.Internal;

/// <summary>
/// A union's per-frame operations as static members of a struct. Each generated union emits one
/// (<c>FrameCodec</c>, nested in it), and the framing code, written once in <see cref="FrameDecoder"/> and
/// <see cref="FrameEncoder"/>, is generic over it: a struct type argument gets its own compiled code, so every
/// call is direct and the type switch inlinable, where a class-typed union alone would run shared generic code
/// that looks up each static member per frame.
/// </summary>
/// <typeparam name="TUnion">The union.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IFrameCodec<TUnion>
    where TUnion : IPacketUnion<TUnion>
{
    /// <summary>How the union's packets are framed.</summary>
    static abstract FrameFormat FrameFormat { get; }

    /// <summary>Reads the body of the packet <paramref name="packetType"/> names; an unknown type records <see cref="ProtocolErrorKind.UnknownType"/>.</summary>
    static abstract bool TryReadBody(byte packetType, ref WireReader reader, [MaybeNullWhen(false)] out TUnion packet);

    /// <summary>The name of the packet <paramref name="packetType"/> names, or null.</summary>
    static abstract string? GetPacketName(byte packetType);
}

/// <summary>The codec of a union that has none of its own: each call forwards to the union's <see cref="IPacketUnion{TSelf}"/> members.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct PacketUnionCodec<TUnion> : IFrameCodec<TUnion>
    where TUnion : IPacketUnion<TUnion>
{
    /// <inheritdoc/>
    public static FrameFormat FrameFormat => TUnion.FrameFormat;

    /// <inheritdoc/>
    public static bool TryReadBody(byte packetType, ref WireReader reader, [MaybeNullWhen(false)] out TUnion packet) => TUnion.TryReadBody(packetType, ref reader, out packet);

    /// <inheritdoc/>
    public static string? GetPacketName(byte packetType) => TUnion.GetPacketName(packetType);
}
