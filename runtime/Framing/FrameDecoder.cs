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
        if (buffer.IsEmpty)
        {
            frame = default;
            return false;
        }

        return TCodec.FrameFormat == FrameFormat.TypeAndLength32
            ? TryDecodeTypeAndLength<TUnion, TCodec>(buffer, offset, isFinalBlock, options, out frame)
            : TryDecodeTypeOnly<TUnion, TCodec>(buffer, offset, isFinalBlock, options, out frame);
    }

    /// <summary>
    /// Decodes <paramref name="frame"/>, which must be exactly one whole frame (one write, for
    /// <see cref="FrameFormat.TypeOnly"/>), or throws <see cref="ProtocolException"/>.
    /// </summary>
    public static TUnion DecodeSingle<TUnion>(ReadOnlySpan<byte> frame, in FrameDecoderOptions options = default)
        where TUnion : IPacketUnion<TUnion> => DecodeSingle<TUnion, PacketUnionCodec<TUnion>>(frame, options);

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

    /// <summary><see cref="Enumerate{TUnion}"/>, each frame decoded by code compiled for the union's own <see cref="IFrameCodec{TUnion}"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static unsafe FrameEnumerator<TUnion> Enumerate<TUnion, TCodec>(ReadOnlySpan<byte> buffer, FrameDecoderOptions options = default)
        where TUnion : IPacketUnion<TUnion>
        where TCodec : struct, IFrameCodec<TUnion> => new(buffer, options, &TryDecode<TUnion, TCodec>);

    private static bool TryDecodeTypeAndLength<TUnion, TCodec>(ReadOnlySpan<byte> buffer, long offset, bool isFinalBlock, in FrameDecoderOptions options, out FrameResult<TUnion> frame)
        where TUnion : IPacketUnion<TUnion>
        where TCodec : struct, IFrameCodec<TUnion>
    {
        const int headerSize = FrameHeader.TypeAndLength32Size;
        if (!FrameHeader.TryReadTypeAndLength(buffer, out var type, out var declared))
        {
            frame = isFinalBlock
                ? Error<TUnion, TCodec>(ProtocolErrorKind.Truncated, offset, type, null, bodyOffset: 0, buffer.Length)
                : default;
            return isFinalBlock;
        }

        if (declared > (uint)options.MaxBodyLength)
        {
            frame = Error<TUnion, TCodec>(ProtocolErrorKind.FrameTooLarge, offset, type, declared, bodyOffset: 0, headerSize + (long)declared);
            return true;
        }

        var frameLength = headerSize + (int)declared;
        if (buffer.Length < frameLength)
        {
            frame = isFinalBlock
                ? Error<TUnion, TCodec>(ProtocolErrorKind.Truncated, offset, type, declared, buffer.Length - headerSize, buffer.Length)
                : default;
            return isFinalBlock;
        }

        var reader = new WireReader(buffer.Slice(headerSize, (int)declared));
        if (!TCodec.TryReadBody(type, ref reader, out var packet) || reader.HasFailed)
        {
            frame = Error<TUnion, TCodec>(reader.Fault ?? ProtocolErrorKind.SizeMismatch, offset, type, declared, reader.FaultOffset, frameLength);
        }
        else if (options.RejectTrailingBytes && reader.Remaining > 0)
        {
            frame = Error<TUnion, TCodec>(ProtocolErrorKind.TrailingBytes, offset, type, declared, reader.Position, frameLength);
        }
        else
        {
            frame = new FrameResult<TUnion>(packet, null, offset, frameLength, reader.Remaining);
        }

        return true;
    }

    private static bool TryDecodeTypeOnly<TUnion, TCodec>(ReadOnlySpan<byte> buffer, long offset, bool isFinalBlock, in FrameDecoderOptions options, out FrameResult<TUnion> frame)
        where TUnion : IPacketUnion<TUnion>
        where TCodec : struct, IFrameCodec<TUnion>
    {
        const int headerSize = FrameHeader.TypeOnlySize;
        var type = buffer[0];
        // Without a declared length, the cap applies to the bytes a body may take: no frame is held longer than that.
        var body = buffer.Slice(headerSize);
        var capped = body.Length >= options.MaxBodyLength;
        var reader = new WireReader(capped ? body.Slice(0, options.MaxBodyLength) : body);
        if (TCodec.TryReadBody(type, ref reader, out var packet) && !reader.HasFailed)
        {
            frame = new FrameResult<TUnion>(packet, null, offset, headerSize + reader.Position);
            return true;
        }

        switch (reader.Fault)
        {
            // Without a length, an unknown type byte says nothing about where its body ends: resume at the next byte.
            case ProtocolErrorKind.UnknownType:
                frame = Error<TUnion, TCodec>(ProtocolErrorKind.UnknownType, offset, type, null, 0, headerSize);
                return true;

            // The body needs more than the cap: its first MaxBodyLength bytes are dropped, and decoding resumes after them.
            case ProtocolErrorKind.SizeMismatch or ProtocolErrorKind.LengthBeyondFrame when capped:
                frame = Error<TUnion, TCodec>(ProtocolErrorKind.FrameTooLarge, offset, type, null, reader.FaultOffset, headerSize + options.MaxBodyLength);
                return true;

            // The body ran past the data we have: wait for more, or report the cut at the end.
            case ProtocolErrorKind.SizeMismatch or ProtocolErrorKind.LengthBeyondFrame:
                frame = isFinalBlock
                    ? Error<TUnion, TCodec>(ProtocolErrorKind.Truncated, offset, type, null, buffer.Length - headerSize, buffer.Length)
                    : default;
                return isFinalBlock;

            default:
                frame = Error<TUnion, TCodec>(reader.Fault ?? ProtocolErrorKind.SizeMismatch, offset, type, null, reader.FaultOffset, headerSize + reader.Position);
                return true;
        }
    }

    // Failures are rare: kept out of line so the decode path stays small enough to inline its callee.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static FrameResult<TUnion> Error<TUnion, TCodec>(ProtocolErrorKind kind, long offset, byte type, uint? declared, int bodyOffset, long length)
        where TUnion : IPacketUnion<TUnion>
        where TCodec : struct, IFrameCodec<TUnion>
    {
        var error = new ProtocolError(kind, offset, type, TCodec.GetPacketName(type), declared, bodyOffset);
        return new FrameResult<TUnion>(default, error, offset, length);
    }
}
