using System;
using System.ComponentModel;
using ProtocolGen.Internal;
using ProtocolGen.Wire;

namespace ProtocolGen.Framing;

/// <summary>
/// Decodes frames of a union's <see cref="FrameFormat"/>. A bad frame yields a <see cref="ProtocolError"/>
/// and the length to skip, so decoding goes on with the next frame; the decoder never reads outside a
/// frame's declared bounds and never allocates more than the frame's own bytes justify.
/// </summary>
public static class FrameDecoder
{
    /// <summary>
    /// Decodes the frame at the start of <paramref name="buffer"/>. Returns false when the buffer holds
    /// only part of a frame and more data may follow (<paramref name="isFinalBlock"/> false); at the end
    /// of the data, a partial frame is a <see cref="ProtocolErrorKind.Truncated"/> error.
    /// <see cref="FrameResult{TUnion}.Length"/> is how many bytes to consume: for
    /// <see cref="ProtocolErrorKind.FrameTooLarge"/> it can be more than the buffer holds, and the caller
    /// skips the rest as it arrives.
    /// </summary>
    /// <param name="buffer">Data starting at a frame boundary.</param>
    /// <param name="offset">The buffer's position in the stream, reported in errors.</param>
    /// <param name="isFinalBlock">Whether no data follows the buffer.</param>
    /// <param name="options">Caps and strictness.</param>
    /// <param name="frame">The decoded packet or error.</param>
    public static bool TryDecode<TUnion>(ReadOnlySpan<byte> buffer, long offset, bool isFinalBlock, in FrameDecoderOptions options, out FrameResult<TUnion> frame)
        where TUnion : IPacketUnion<TUnion> => TUnion.TryDecodeFrame(buffer, offset, isFinalBlock, options, out frame);

    /// <summary><see cref="TryDecode{TUnion}"/>, compiled for the union's own <see cref="IFrameCodec{TUnion}"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static bool TryDecode<TUnion, TCodec>(ReadOnlySpan<byte> buffer, long offset, bool isFinalBlock, in FrameDecoderOptions options, out FrameResult<TUnion> frame)
        where TUnion : IPacketUnion<TUnion>
        where TCodec : struct, IFrameCodec<TUnion>
    {
        if (TCodec.FrameFormat == FrameFormat.Header)
        {
            // A header union's own decoder (its codec knows the header); a constant test, gone from every other union's code.
            return TUnion.TryDecodeFrame(buffer, offset, isFinalBlock, options, out frame);
        }

        var step = FrameBody.Open(buffer, TCodec.FrameFormat, isFinalBlock, options, out var body);
        if (step == FrameStep.Body)
        {
            step = body.Close(TCodec.FrameFormat, TCodec.TryReadBody(body.Type, ref body.Reader, out var packet), isFinalBlock, options);
            if (step == FrameStep.Packet)
            {
                frame = new FrameResult<TUnion>(packet, null, offset, body.Length, body.TrailingLength);
                return true;
            }
        }

        return body.Fail(step, offset, TCodec.GetPacketName(body.Type), out frame);
    }

    /// <summary><see cref="TryDecode{TUnion}"/> for a union framed by <typeparamref name="THeader"/>, compiled for its own codec.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static bool TryDecode<TUnion, THeader, TCodec>(ReadOnlySpan<byte> buffer, long offset, bool isFinalBlock, in FrameDecoderOptions options, out FrameResult<TUnion> frame)
        where TUnion : IPacketUnion<TUnion>
        where THeader : IFrameHeader<THeader>
        where TCodec : struct, IHeaderFrameCodec<TUnion>
    {
        var step = FrameBody.Open<THeader>(buffer, isFinalBlock, options, out var body);
        if (step == FrameStep.Body)
        {
            step = body.Close(FrameFormat.Header, TCodec.TryReadBody(body.HeaderType, ref body.Reader, out var packet), isFinalBlock, options);
            if (step == FrameStep.Packet)
            {
                frame = new FrameResult<TUnion>(packet, null, offset, body.Length, body.TrailingLength);
                return true;
            }
        }

        return body.Fail(step, offset, TCodec.GetPacketName(body.HeaderType), out frame);
    }

    /// <summary><see cref="DecodeSingle{TUnion}"/> for a union framed by <typeparamref name="THeader"/>, compiled for its own codec.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static TUnion DecodeSingle<TUnion, THeader, TCodec>(ReadOnlySpan<byte> frame, in FrameDecoderOptions options = default)
        where TUnion : IPacketUnion<TUnion>
        where THeader : IFrameHeader<THeader>
        where TCodec : struct, IHeaderFrameCodec<TUnion>
    {
        var result = Single(TryDecode<TUnion, THeader, TCodec>(frame, 0, isFinalBlock: true, options, out var decoded), decoded);
        if (result.Length != frame.Length)
        {
            var type = TCodec.TypeOf(result.Packet!);
            var bodyLength = (int)(result.Length - THeader.Size);
            throw new ProtocolException(new ProtocolError(
                ProtocolErrorKind.TrailingBytes, 0, type <= byte.MaxValue ? (byte)type : null, TCodec.GetPacketName(type), (uint)bodyLength, bodyLength) { FrameType = type });
        }

        return result.Packet!;
    }

    // A single frame's result: its packet, or the exception for its error or for data that ends inside it.
    private static FrameResult<TUnion> Single<TUnion>(bool decoded, FrameResult<TUnion> result)
        where TUnion : IPacketUnion<TUnion>
    {
        if (!decoded)
        {
            throw new ProtocolException(new ProtocolError(ProtocolErrorKind.Truncated, 0, null, null, null, 0));
        }

        return result.IsPacket ? result : throw new ProtocolException(result.Error);
    }

    /// <summary>
    /// Decodes <paramref name="frame"/>, which must be exactly one whole frame (one write, for
    /// <see cref="FrameFormat.TypeOnly"/>), or throws <see cref="ProtocolException"/>.
    /// </summary>
    public static TUnion DecodeSingle<TUnion>(ReadOnlySpan<byte> frame, in FrameDecoderOptions options = default)
        where TUnion : IPacketUnion<TUnion> => TUnion.FrameFormat == FrameFormat.Header
            ? TUnion.DecodeSingleFrame(frame, options)
            : DecodeSingle<TUnion, PacketUnionCodec<TUnion>>(frame, options);

    /// <summary><see cref="DecodeSingle{TUnion}"/>, compiled for the union's own <see cref="IFrameCodec{TUnion}"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static TUnion DecodeSingle<TUnion, TCodec>(ReadOnlySpan<byte> frame, in FrameDecoderOptions options = default)
        where TUnion : IPacketUnion<TUnion>
        where TCodec : struct, IFrameCodec<TUnion>
    {
        if (!TryDecode<TUnion, TCodec>(frame, 0, isFinalBlock: true, options, out var result))
        {
            throw new ProtocolException(new ProtocolError(ProtocolErrorKind.Truncated, 0, null, null, null, 0));
        }

        if (!result.IsPacket)
        {
            throw new ProtocolException(result.Error);
        }

        if (result.Length != frame.Length)
        {
            var type = frame[0];
            var headerSize = FrameHeader.SizeOf(TCodec.FrameFormat);
            uint? declared = TCodec.FrameFormat == FrameFormat.TypeAndLength32 ? (uint)(result.Length - headerSize) : null;
            throw new ProtocolException(new ProtocolError(
                ProtocolErrorKind.TrailingBytes, 0, type, TCodec.GetPacketName(type), declared, (int)(result.Length - headerSize)));
        }

        return result.Packet;
    }

    /// <summary>Enumerates the frames of a buffer that holds a whole stream, bad frames included.</summary>
    public static FrameEnumerator<TUnion> Enumerate<TUnion>(ReadOnlySpan<byte> buffer, FrameDecoderOptions options = default)
        where TUnion : IPacketUnion<TUnion> => new(buffer, options);
}
