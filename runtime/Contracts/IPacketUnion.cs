using System;
using System.Collections.Immutable;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using ProtocolGen.Framing;
using ProtocolGen.Internal;
using ProtocolGen.Json;
using ProtocolGen.Layout;
using ProtocolGen.Wire;

namespace ProtocolGen;

/// <summary>
/// The root of a protocol: the set of packets that share a framing. Implemented by generated code on
/// each <see cref="ProtocolUnionAttribute"/> type; the runtime's framing is written once against it.
/// </summary>
/// <typeparam name="TSelf">The union's root type.</typeparam>
public interface IPacketUnion<TSelf> : IPacket
    where TSelf : IPacketUnion<TSelf>
{
    /// <summary>How the union's packets are framed.</summary>
    static abstract FrameFormat FrameFormat { get; }

    /// <summary>
    /// Reads the body of the packet that <paramref name="packetType"/> names. An unknown type records
    /// <see cref="ProtocolErrorKind.UnknownType"/> on the reader.
    /// </summary>
    static abstract bool TryReadBody(byte packetType, ref WireReader reader, [MaybeNullWhen(false)] out TSelf packet);

    /// <summary>The name of the packet <paramref name="packetType"/> names, or null for an unknown type.</summary>
    static abstract string? GetPacketName(byte packetType);

    /// <summary>Every packet's byte layout, in type-byte order.</summary>
    static abstract ImmutableArray<PacketLayout> Layouts { get; }

    /// <summary>Writes <paramref name="packet"/> as a JSON object whose <c>kind</c> names the packet.</summary>
    static abstract void WriteJson(Utf8JsonWriter writer, TSelf packet);

    /// <summary>Reads a packet from a JSON object whose <c>kind</c> names it, or throws <see cref="WireJsonException"/>.</summary>
    static abstract TSelf ReadJson(JsonElement element);

    /// <summary>
    /// <see cref="FrameDecoder.TryDecode{TUnion}"/> for this union. Generated unions route it to
    /// <see cref="FrameDecoder.TryDecode{TUnion, TCodec}"/> with their own <see cref="IFrameCodec{TUnion}"/>, so code
    /// generic over the union alone (streaming) pays one indirect call per frame, and the frame itself is decoded
    /// by code compiled for the union.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    static virtual bool TryDecodeFrame(ReadOnlySpan<byte> buffer, long offset, bool isFinalBlock, in FrameDecoderOptions options, out FrameResult<TSelf> frame) =>
        FrameDecoder.TryDecode<TSelf, PacketUnionCodec<TSelf>>(buffer, offset, isFinalBlock, options, out frame);

    /// <summary>The size of the union's frame header: a <c>[FrameHeader]</c>'s, or a built-in format's.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    static virtual int FrameHeaderSize => FrameHeader.SizeOf(TSelf.FrameFormat);

    /// <summary>
    /// The whole size of the length-framed frame whose header starts <paramref name="source"/>, for the stream decoder
    /// to know how much of a cut frame to gather; false while the header is not all there.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    static virtual bool TryGetFrameLength(ReadOnlySpan<byte> source, out long frameLength) => FrameHeader.TryGetFrameLength(source, out frameLength);

    /// <summary><see cref="FrameDecoder.DecodeSingle{TUnion}"/> for this union; a union framed by a <c>[FrameHeader]</c> routes it to its header.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    static virtual TSelf DecodeSingleFrame(ReadOnlySpan<byte> frame, in FrameDecoderOptions options) =>
        FrameDecoder.DecodeSingle<TSelf, PacketUnionCodec<TSelf>>(frame, options);

    /// <summary>The size of <paramref name="packet"/>'s frame with <paramref name="trailingLength"/> bytes after its fields; throws <see cref="WireEncodeException"/> as <see cref="FrameEncoder.GetFrameSize{TUnion}"/> does.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    static virtual int GetFrameSize(TSelf packet, int trailingLength, in FrameEncoderOptions options) =>
        FrameEncoder.BuiltInFrameSize(packet, trailingLength, options);

    /// <summary>Writes <paramref name="packet"/>'s frame, as <see cref="FrameEncoder.Write{TUnion}(TUnion, ReadOnlySpan{byte}, Span{byte}, in FrameEncoderOptions)"/> does.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    static virtual int WriteFrame(TSelf packet, ReadOnlySpan<byte> trailingBytes, Span<byte> destination, in FrameEncoderOptions options) =>
        FrameEncoder.WriteBuiltIn(packet, trailingBytes, destination, options);
}
