using System;
using System.Collections.Immutable;
using ProtocolGen.Layout;
using ProtocolGen.Views;
using System.ComponentModel;

// For generated code; not a stable API (see Internal/NamespaceDoc.cs).
namespace ProtocolGen.Internal;

/// <summary>
/// What framing needs to check a union's frame bodies for views without building records: implemented by the
/// struct each generated union nests (<c>ViewChecks</c>). A struct, so that <see cref="ViewFrame{TChecks}"/> and the
/// framing it goes through are compiled for each union, with direct calls and no shared generic code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IViewChecks
{
    /// <summary>How the union's packets are framed.</summary>
    static abstract FrameFormat FrameFormat { get; }

    /// <summary>
    /// Checks the body of the packet <paramref name="packetType"/> names, as decoding it would (same error kinds
    /// and offsets), without building it. An unknown type is <see cref="ProtocolErrorKind.UnknownType"/>.
    /// </summary>
    static abstract ViewCheck CheckBody(byte packetType, ReadOnlySpan<byte> body);

    /// <summary>The name of the packet <paramref name="packetType"/> names, or null for an unknown type.</summary>
    static abstract string? GetPacketName(byte packetType);

    /// <summary>Every packet's byte layout, in type-byte order.</summary>
    static abstract ImmutableArray<PacketLayout> Layouts { get; }
}
