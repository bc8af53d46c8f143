using System;
using System.Buffers;
using System.Diagnostics;
using ProtocolGen.Framing;

namespace ProtocolGen.Streaming;

/// <summary>
/// Decodes a stream of frames that arrives in pieces cut at any byte. It keeps only its place in the stream
/// and the start of a frame that has not fully arrived; the framing itself is <see cref="FrameDecoder"/>'s.
/// </summary>
/// <remarks>
/// Frames wholly inside a piece are decoded in place. Only a frame cut by the end of a piece is copied, into a
/// pooled buffer that grows to at most that frame's size, and a length-framed union's frame is at most
/// <see cref="FrameDecoderOptions.MaxBodyLength"/> plus its header: a larger declared length is reported as
/// <see cref="ProtocolErrorKind.FrameTooLarge"/> as soon as its header arrives, and its bytes are then dropped
/// as they arrive, never buffered. A <see cref="FrameFormat.TypeOnly"/> union declares no length, so its cut frame
/// is held, a whole piece at a time, until it decodes or holds a header and <see cref="FrameDecoderOptions.MaxBodyLength"/>
/// bytes without decoding: that is <see cref="ProtocolErrorKind.FrameTooLarge"/>, and those bytes are dropped.
/// </remarks>
/// <typeparam name="TUnion">The union the frames belong to.</typeparam>
public sealed class FrameStreamDecoder<TUnion> : IDisposable
    where TUnion : IPacketUnion<TUnion>
{
    private readonly FrameDecoderOptions _options;
    private byte[] _pending = Array.Empty<byte>();
    private int _pendingLength;
    private long _skip;

    /// <summary>Creates a decoder positioned at the start of a stream.</summary>
    public FrameStreamDecoder(FrameDecoderOptions options = default) => _options = options;

    /// <summary>Where the next frame starts, in bytes from the start of the stream.</summary>
    public long Position { get; private set; }

    /// <summary>How many bytes of a cut frame are held until the rest arrives.</summary>
    public int PendingLength => _pendingLength;

    /// <summary>
    /// Decodes every frame that <paramref name="data"/> completes, in order, handing each to
    /// <paramref name="sink"/>. The bytes of a frame still incomplete at the end are kept for the next call.
    /// </summary>
    public void Feed<TSink>(ReadOnlySpan<byte> data, ref TSink sink)
        where TSink : IFrameSink<TUnion>
    {
        while (!data.IsEmpty)
        {
            if (_pendingLength == 0)
            {
                var used = DecodeFrames(data, isFinalBlock: false, ref sink);
                Append(data.Slice(used));
                return;
            }

            // Complete the cut frame (its header first, then its body) from the new data, then decode it.
            var take = Math.Min(data.Length, NeededLength(_pending.AsSpan(0, _pendingLength), data.Length) - _pendingLength);
            Append(data.Slice(0, take));
            data = data.Slice(take);
            ConsumePending(DecodeFrames(_pending.AsSpan(0, _pendingLength), isFinalBlock: false, ref sink));
        }
    }

    /// <summary>
    /// Ends the stream: a frame still incomplete is reported as <see cref="ProtocolErrorKind.Truncated"/>, after
    /// every complete frame before it was delivered. A frame over the cap that the end cuts is not reported again:
    /// its <see cref="ProtocolErrorKind.FrameTooLarge"/> already stands for it.
    /// </summary>
    public void Complete<TSink>(ref TSink sink)
        where TSink : IFrameSink<TUnion>
    {
        if (_pendingLength > 0)
        {
            ConsumePending(DecodeFrames(_pending.AsSpan(0, _pendingLength), isFinalBlock: true, ref sink));
        }

        Debug.Assert(_pendingLength == 0, "At the end of the data every byte belongs to a decoded frame or an error.");
    }

    /// <summary>Returns the pooled buffer.</summary>
    public void Dispose()
    {
        if (_pending.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_pending);
            _pending = Array.Empty<byte>();
            _pendingLength = 0;
        }
    }

    private int DecodeFrames<TSink>(ReadOnlySpan<byte> data, bool isFinalBlock, ref TSink sink)
        where TSink : IFrameSink<TUnion>
    {
        var consumed = 0;
        while (true)
        {
            if (_skip > 0)
            {
                var skipped = (int)Math.Min(_skip, data.Length - consumed);
                consumed += skipped;
                _skip -= skipped;
                Position += skipped;
                if (_skip > 0)
                {
                    return consumed;
                }
            }

            var rest = data.Slice(consumed);
            if (!FrameDecoder.TryDecode<TUnion>(rest, Position, isFinalBlock, _options, out var frame))
            {
                return consumed;
            }

            if (frame.Length > rest.Length)
            {
                // Too large to accept: reported now, and the rest of it is dropped as it arrives.
                _skip = frame.Length - rest.Length;
                consumed = data.Length;
                Position += rest.Length;
                sink.OnFrame(frame, rest);
                continue;
            }

            var length = (int)frame.Length;
            sink.OnFrame(frame, rest.Slice(0, length));
            consumed += length;
            Position += length;
        }
    }

    // How many bytes of the cut frame at the start of pending to gather before decoding again. A length-framed
    // frame's header tells its size (over the cap, the header alone decodes to FrameTooLarge, so it never gets
    // here). A frame without a length takes whole pieces, up to the cap that makes it FrameTooLarge: byte by byte,
    // every piece would re-decode all that is held.
    private int NeededLength(ReadOnlySpan<byte> pending, int available)
    {
        if (TUnion.FrameFormat == FrameFormat.TypeAndLength32)
        {
            if (!FrameHeader.TryGetFrameLength(pending, out var frameLength))
            {
                return FrameHeader.TypeAndLength32Size;
            }

            Debug.Assert(frameLength <= FrameHeader.TypeAndLength32Size + _options.MaxBodyLength, "A frame over the cap is never held.");
            return (int)frameLength;
        }

        return (int)Math.Min(pending.Length + (long)available, FrameHeader.TypeOnlySize + (long)_options.MaxBodyLength);
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        var needed = _pendingLength + data.Length;
        if (needed > _pending.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, 256));
            _pending.AsSpan(0, _pendingLength).CopyTo(larger);
            if (_pending.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_pending);
            }

            _pending = larger;
        }

        data.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength = needed;
    }

    private void ConsumePending(int count)
    {
        _pending.AsSpan(count, _pendingLength - count).CopyTo(_pending);
        _pendingLength -= count;
    }
}
