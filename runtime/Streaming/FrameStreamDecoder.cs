using System;
using System.Diagnostics;
using ProtocolGen.Framing;
using ProtocolGen.Internal;

namespace ProtocolGen.Streaming;

/// <summary>
/// Decodes a stream of frames that arrives in pieces cut at any byte. It keeps only its place in the stream
/// and the start of a frame that has not fully arrived; the framing itself is <see cref="FrameDecoder"/>'s.
/// </summary>
/// <remarks>
/// Frames wholly inside a piece are decoded in place. Only a frame cut by the end of a piece is copied, into a
/// pooled buffer that grows to at most twice that frame's size, and a length-framed union's frame is at most
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
    private PooledBytes _pending = new();
    private long _skip;

    // Set while a Feed or Complete runs: still set on entry means a sink threw out of the last one, which left the
    // decoder between frames it has delivered and bytes it never held, so it cannot go on.
    private bool _interrupted;

    /// <summary>Creates a decoder positioned at the start of a stream.</summary>
    public FrameStreamDecoder(FrameDecoderOptions options = default) => _options = options;

    /// <summary>Where the next frame starts, in bytes from the start of the stream (unspecified once a sink has thrown: see <see cref="Feed{TSink}"/>).</summary>
    public long Position { get; private set; }

    /// <summary>How many bytes of a cut frame are held until the rest arrives.</summary>
    public int PendingLength => _pending.Length;

    /// <summary>
    /// Decodes every frame that <paramref name="data"/> completes, in order, handing each to
    /// <paramref name="sink"/>. The bytes of a frame still incomplete at the end are kept for the next call.
    /// </summary>
    /// <remarks>
    /// An exception a sink throws comes out of this call, and ends the decoder: the rest of the data was neither
    /// decoded nor held, so every later <c>Feed</c> or <c>Complete</c> throws <see cref="InvalidOperationException"/>
    /// instead of decoding from a wrong place. A sink that must go on after a failure of its own catches it itself.
    /// </remarks>
    /// <exception cref="InvalidOperationException">A sink threw out of an earlier call.</exception>
    public void Feed<TSink>(ReadOnlySpan<byte> data, ref TSink sink)
        where TSink : IFrameSink<TUnion> => Feed<NoWholeFrames<TUnion>, TSink>(data, ref sink);

    /// <summary>
    /// <see cref="Feed{TSink}"/> with the union's own loop over good whole frames (a generated union's
    /// <c>WholeFrames</c>): those frames are decoded by code compiled for the union, and only the others (a frame
    /// cut by the end of a piece, a bad frame) by the steps written here, generic over the union.
    /// </summary>
    internal void Feed<TFrames, TSink>(ReadOnlySpan<byte> data, ref TSink sink)
        where TFrames : struct, IWholeFrames<TUnion>
        where TSink : IFrameSink<TUnion>
    {
        Begin();
        while (!data.IsEmpty)
        {
            if (_pending.Length == 0)
            {
                var used = DecodeFrames<TFrames, TSink>(data, isFinalBlock: false, ref sink);
                _pending.Append(data.Slice(used));
                break;
            }

            // Complete the cut frame (its header first, then its body) from the new data, then decode it.
            var take = Math.Min(data.Length, NeededLength(_pending.Span, data.Length) - _pending.Length);
            _pending.Append(data.Slice(0, take));
            data = data.Slice(take);
            _pending.Consume(DecodeFrames<TFrames, TSink>(_pending.Span, isFinalBlock: false, ref sink));
        }

        _interrupted = false;
    }

    /// <summary>
    /// Ends the stream: a frame still incomplete is reported as <see cref="ProtocolErrorKind.Truncated"/>, after
    /// every complete frame before it was delivered. A frame over the cap that the end cuts is not reported again:
    /// its <see cref="ProtocolErrorKind.FrameTooLarge"/> already stands for it.
    /// </summary>
    /// <exception cref="InvalidOperationException">A sink threw out of an earlier call (see <see cref="Feed{TSink}"/>).</exception>
    public void Complete<TSink>(ref TSink sink)
        where TSink : IFrameSink<TUnion> => Complete<NoWholeFrames<TUnion>, TSink>(ref sink);

    /// <summary><see cref="Complete{TSink}"/> with the union's own loop over good whole frames.</summary>
    internal void Complete<TFrames, TSink>(ref TSink sink)
        where TFrames : struct, IWholeFrames<TUnion>
        where TSink : IFrameSink<TUnion>
    {
        Begin();
        if (_pending.Length > 0)
        {
            _pending.Consume(DecodeFrames<TFrames, TSink>(_pending.Span, isFinalBlock: true, ref sink));
        }

        _interrupted = false;
        Debug.Assert(_pending.Length == 0, "At the end of the data every byte belongs to a decoded frame or an error.");
    }

    // Marks a call as running; one still marked is one a sink threw out of (a flag, so the frames pay nothing).
    private void Begin()
    {
        if (_interrupted)
        {
            throw new InvalidOperationException("A sink threw out of an earlier Feed or Complete of this decoder, so it no longer knows where the next frame starts; decode the rest of the stream with a new decoder.");
        }

        _interrupted = true;
    }

    /// <summary>
    /// Puts the decoder between frames at <paramref name="position"/>, with <paramref name="skip"/> bytes of a frame
    /// over the cap still to drop, after a sink threw out of <see cref="Feed{TSink}"/>: a caller that noted where
    /// the frame it was given ends knows where the stream goes on, so nothing is decoded twice or lost.
    /// </summary>
    internal void Restart(long position, long skip)
    {
        _pending.Clear();
        Position = position;
        _skip = skip;
        _interrupted = false;
    }

    /// <summary>Returns the pooled buffer.</summary>
    public void Dispose() => _pending.Dispose();

    private int DecodeFrames<TFrames, TSink>(ReadOnlySpan<byte> data, bool isFinalBlock, ref TSink sink)
        where TFrames : struct, IWholeFrames<TUnion>
        where TSink : IFrameSink<TUnion>
    {
        // The place in the stream is kept in a local for the loop and stored when it returns. (A sink that throws out
        // of here ends the decoder: see Begin.)
        var position = Position;
        var consumed = 0;
        while (true)
        {
            if (_skip > 0)
            {
                var skipped = (int)Math.Min(_skip, data.Length - consumed);
                consumed += skipped;
                _skip -= skipped;
                position += skipped;
                if (_skip > 0)
                {
                    Position = position;
                    return consumed;
                }
            }

            // The good whole frames first, in the union's own loop; then the frame it stopped at, with the full steps.
            var whole = default(TFrames).DecodeWhole(data.Slice(consumed), position, _options, ref sink);
            consumed += whole;
            position += whole;

            var rest = data.Slice(consumed);
            if (!FrameDecoder.TryDecode<TUnion>(rest, position, isFinalBlock, _options, out var frame))
            {
                Position = position;
                return consumed;
            }

            if (frame.Length > rest.Length)
            {
                // Too large to accept: reported now, and the rest of it is dropped as it arrives.
                _skip = frame.Length - rest.Length;
                consumed = data.Length;
                position += rest.Length;
                sink.OnFrame(frame, rest);
                continue;
            }

            var length = (int)frame.Length;
            sink.OnFrame(frame, rest.Slice(0, length));
            consumed += length;
            position += length;
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

        if (TUnion.FrameFormat == FrameFormat.Header)
        {
            if (!TUnion.TryGetFrameLength(pending, out var frameLength))
            {
                return TUnion.FrameHeaderSize;
            }

            Debug.Assert(frameLength <= TUnion.FrameHeaderSize + (long)_options.MaxBodyLength, "A frame over the cap is never held.");
            return (int)frameLength;
        }

        return (int)Math.Min(pending.Length + (long)available, FrameHeader.TypeOnlySize + (long)_options.MaxBodyLength);
    }
}
