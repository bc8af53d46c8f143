using System;
using System.ComponentModel;
using ProtocolGen.Wire;

// For generated code; not a stable API (see Internal/NamespaceDoc.cs).
namespace ProtocolGen.Internal;

/// <summary>
/// A <c>[FrameHeader]</c> record's part of the framing, generated on it: its size, and how to read and write the
/// packet type and body length it carries. The framing rules themselves (caps, truncation, trailing bytes, where to
/// resume after a bad frame) are the runtime's, in <see cref="FrameBody"/> and <see cref="Framing.FrameEncoder"/>.
/// </summary>
/// <typeparam name="THeader">The header record.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IFrameHeader<THeader>
    where THeader : IFrameHeader<THeader>
{
    /// <summary>The header's size in bytes: a constant.</summary>
    static abstract int Size { get; }

    /// <summary>
    /// Reads the header from <paramref name="reader"/>, which holds exactly <see cref="Size"/> bytes: the packet type
    /// (0 without a <c>[FrameType]</c>) and the body length its <c>[FrameLength]</c> gives, which is negative for a
    /// whole-frame length smaller than the header. False when the header's own rules refuse it (a magic or fixed
    /// value); the reader then says why and where.
    /// </summary>
    static abstract bool TryRead(ref WireReader reader, out ulong type, out long bodyLength, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out THeader header);

    /// <summary>
    /// <see cref="TryRead"/> without the why: the packet type and body length of the header that <paramref name="source"/>
    /// (exactly <see cref="Size"/> bytes) holds, or false, recording nothing, when the header's rules refuse it. A decoder
    /// calls it for each frame, inlined; on false it calls <see cref="TryRead"/>, which says why and where.
    /// </summary>
    static abstract bool TryReadFraming(ReadOnlySpan<byte> source, out ulong type, out long bodyLength);

    /// <summary>Whether the header's length field can declare a body of <paramref name="bodyLength"/> bytes.</summary>
    static abstract bool CanDeclare(long bodyLength);

    /// <summary>
    /// Writes <paramref name="header"/> with <paramref name="type"/> and the length of a body of
    /// <paramref name="bodyLength"/> bytes (one <see cref="CanDeclare"/> accepts) to the start of <paramref name="destination"/>.
    /// </summary>
    static abstract void Write(ulong type, long bodyLength, in THeader header, Span<byte> destination);
}

/// <summary>
/// The per-frame operations of a union framed by a <c>[FrameHeader]</c>, as static members of a struct (see
/// <see cref="IFrameCodec{TUnion}"/>): the packet type is the header's, which may be wider than a byte.
/// </summary>
/// <typeparam name="TUnion">The union.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IHeaderFrameCodec<TUnion>
    where TUnion : IPacketUnion<TUnion>
{
    /// <summary>Reads the body of the packet <paramref name="packetType"/> names; an unknown type records <see cref="ProtocolErrorKind.UnknownType"/>.</summary>
    static abstract bool TryReadBody(ulong packetType, ref WireReader reader, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TUnion packet);

    /// <summary>The name of the packet <paramref name="packetType"/> names, or null.</summary>
    static abstract string? GetPacketName(ulong packetType);

    /// <summary>The packet type of <paramref name="packet"/>'s frames; throws <see cref="ArgumentException"/> for a type the union does not list.</summary>
    static abstract ulong TypeOf(TUnion packet);
}
