using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using ProtocolGen.Framing;
using ProtocolGen.Internal;

namespace ProtocolGen.Streaming;

/// <summary>
/// Reads the frames of a union from one long-lived stream (a device, say) in as many read loops as the caller
/// likes. Unlike <see cref="PacketReader"/>, whose every call starts a fresh decoder, it keeps its decoder and
/// the frames it decoded but has not yet delivered: a loop that ends early (a <c>break</c> out of
/// <c>await foreach</c>, a cancelled read) loses nothing, and the next loop goes on with the next frame, so every
/// frame is delivered exactly once, in order, whichever API delivers it. One loop at a time: starting a second
/// while one runs is an <see cref="InvalidOperationException"/>.
/// </summary>
/// <remarks>
/// It holds the runtime's one read loop over a stream (<see cref="PacketReader"/>'s stream overloads are a
/// reader used once): every read asks for at most <see cref="PacketReaderOptions.ReadSize"/> bytes, its count is
/// checked by <see cref="ReadCount"/>, and a read of 0 bytes ends the data.
/// </remarks>
/// <typeparam name="TUnion">The union the frames belong to.</typeparam>
public sealed class PacketStreamReader<TUnion> : IDisposable
    where TUnion : IPacketUnion<TUnion>
{
    private readonly Stream _stream;
    private readonly int _readSize;
    private readonly FrameStreamDecoder<TUnion> _decoder;
    private readonly object _gate = new();
    // Frames decoded by a read but not yet handed out, with their bytes (a sink may want them) in _heldBytes.
    private readonly Queue<(FrameResult<TUnion> Frame, int Start, int Length)> _undelivered = new();
    private PooledBytes _heldBytes = new();
    private byte[] _readBuffer = Array.Empty<byte>();
    // Bytes read from the stream so far: where the next read's data starts.
    private long _streamLength;
    private bool _reading;
    private bool _disposed;

    /// <summary>Reads <paramref name="stream"/>, which the caller keeps owning.</summary>
    public PacketStreamReader(Stream stream, PacketReaderOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _readSize = options.ReadSize;
        _decoder = new FrameStreamDecoder<TUnion>(options.Decoder);
    }

    /// <summary>
    /// Yields every frame until the stream ends: first any a previous loop decoded and did not deliver. Breaking
    /// out, or a cancelled read, keeps the rest for the next call.
    /// </summary>
    /// <exception cref="IOException">The stream reported more bytes than the read asked for (or a negative count).</exception>
    public async IAsyncEnumerable<FrameResult<TUnion>> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Enter();
        try
        {
            var more = true;
            while (true)
            {
                while (_undelivered.TryDequeue(out var held))
                {
                    yield return held.Frame;
                }

                if (!more)
                {
                    yield break;
                }

                var holding = new HoldingSink(this);
                more = Decode<NoWholeFrames<TUnion>, HoldingSink>(await ReadAsync(cancellationToken).ConfigureAwait(false), ref holding);
            }
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>
    /// Hands every frame to <paramref name="sink"/> until the stream ends (first any a previous loop decoded and
    /// did not deliver), and returns the sink. Each frame leaves the reader before the sink sees it, so a sink
    /// that throws loses only the frame it threw on, and the next loop goes on after it.
    /// </summary>
    /// <exception cref="IOException">The stream reported more bytes than the read asked for (or a negative count).</exception>
    public ValueTask<TSink> ReadAsync<TSink>(TSink sink, CancellationToken cancellationToken = default)
        where TSink : IFrameSink<TUnion> => ReadAsync<NoWholeFrames<TUnion>, TSink>(sink, cancellationToken);

    /// <summary>
    /// <see cref="ReadAsync{TSink}"/>, with the union's own loop over good whole frames (for generated
    /// code: its <c>WholeFrames</c>, so most frames are decoded by code compiled for the union).
    /// </summary>
    /// <exception cref="IOException">The stream reported more bytes than the read asked for (or a negative count).</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public async ValueTask<TSink> ReadAsync<TFrames, TSink>(TSink sink, CancellationToken cancellationToken = default)
        where TFrames : struct, IWholeFrames<TUnion>
        where TSink : IFrameSink<TUnion>
    {
        Enter();
        try
        {
            var more = true;
            while (true)
            {
                Deliver(ref sink);
                if (!more)
                {
                    return sink;
                }

                more = Deliver<TFrames, TSink>(await ReadAsync(cancellationToken).ConfigureAwait(false), ref sink);
            }
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Returns the pooled buffers, now or, if a loop is running, when it ends. Does not close the stream.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            if (!_reading)
            {
                Release();
            }
        }
    }

    // The read half of the loop: the only read of the stream.
    private ValueTask<int> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _stream.ReadAsync(_readBuffer.AsMemory(0, _readSize), cancellationToken);
    }

    // The decode half: the bytes a read returned, or, at the end of the stream, the cut frame the decoder still
    // holds. Returns whether the stream may go on.
    private bool Decode<TFrames, TSink>(int read, ref TSink sink)
        where TFrames : struct, IWholeFrames<TUnion>
        where TSink : IFrameSink<TUnion>
    {
        if (ReadCount.Check(read, _readSize, "The stream") == 0)
        {
            _decoder.Complete<TFrames, TSink>(ref sink);
            return false;
        }

        _streamLength += read;
        _decoder.Feed<TFrames, TSink>(_readBuffer.AsSpan(0, read), ref sink);
        return true;
    }

    // The decode half for a caller's sink: the frames go to it straight from the read buffer. A sink that throws
    // is caught once per read, not per frame: the frame it threw on is gone, the rest of the read is held for the
    // next loop (see Resume), and the exception is thrown again.
    private bool Deliver<TFrames, TSink>(int read, ref TSink sink)
        where TFrames : struct, IWholeFrames<TUnion>
        where TSink : IFrameSink<TUnion>
    {
        if (ReadCount.Check(read, _readSize, "The stream") == 0)
        {
            // The end of the stream delivers a few frames at most, from the decoder's own buffer: each is guarded.
            var delivering = new DeliveringSink<TSink>(this, sink);
            _decoder.Complete<TFrames, DeliveringSink<TSink>>(ref delivering);
            sink = delivering.Sink;
            delivering.ThrowIfFailed();
            return false;
        }

        var data = _readBuffer.AsSpan(0, read);
        var start = _streamLength;
        _streamLength += read;
        var tracking = new TrackingSink<TSink>(sink);
        try
        {
            _decoder.Feed<TFrames, TrackingSink<TSink>>(data, ref tracking);
        }
        catch when (tracking.ResumeAt > start)
        {
            Resume(data, start, tracking.ResumeAt);
            throw;
        }
        finally
        {
            sink = tracking.Sink;
        }

        return true;
    }

    // A sink threw on the frame that ends at resumeAt (a stream position), which is past the read's start: every
    // frame a read delivers ends in or after it. The decoder starts again there and what follows in this read is
    // decoded and held, so the next loop goes on after the frame that was lost.
    private void Resume(ReadOnlySpan<byte> data, long start, long resumeAt)
    {
        var end = start + data.Length;
        if (resumeAt >= end)
        {
            // A frame over the cap, reported as its header arrived: the rest of it is still to be dropped.
            _decoder.Restart(end, skip: resumeAt - end);
            return;
        }

        _decoder.Restart(resumeAt, skip: 0);
        var holding = new HoldingSink(this);
        _decoder.Feed<NoWholeFrames<TUnion>, HoldingSink>(data.Slice((int)(resumeAt - start)), ref holding);
    }

    private void Enter()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_reading)
            {
                throw new InvalidOperationException("The stream is already being read; only one read loop at a time can deliver its frames in order.");
            }

            _reading = true;
            if (_readBuffer.Length == 0)
            {
                _readBuffer = ArrayPool<byte>.Shared.Rent(_readSize);
            }
        }
    }

    private void Exit()
    {
        lock (_gate)
        {
            _reading = false;
            if (_undelivered.Count == 0)
            {
                _heldBytes.Clear();
            }

            if (_disposed)
            {
                Release();
            }
        }
    }

    private void Release()
    {
        _decoder.Dispose();
        _undelivered.Clear();
        _heldBytes.Dispose();
        if (_readBuffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_readBuffer);
            _readBuffer = Array.Empty<byte>();
        }
    }

    private void Deliver<TSink>(ref TSink sink)
        where TSink : IFrameSink<TUnion>
    {
        while (_undelivered.TryDequeue(out var held))
        {
            sink.OnFrame(held.Frame, _heldBytes.Span.Slice(held.Start, held.Length));
        }
    }

    private void Hold(in FrameResult<TUnion> frame, ReadOnlySpan<byte> bytes)
    {
        if (_undelivered.Count == 0)
        {
            _heldBytes.Clear();
        }

        _undelivered.Enqueue((frame, _heldBytes.Length, bytes.Length));
        _heldBytes.Append(bytes);
    }

    /// <summary>Keeps each frame a read decodes until the loop hands it out.</summary>
    private readonly struct HoldingSink(PacketStreamReader<TUnion> reader) : IFrameSink<TUnion>
    {
        public void OnFrame(in FrameResult<TUnion> frame, ReadOnlySpan<byte> bytes) => reader.Hold(frame, bytes);
    }

    /// <summary>
    /// Hands each frame to the caller's sink, noting first where it ends: if the sink throws, that is where the
    /// stream goes on. A store per frame, where a guard per frame would cost a call and an exception frame.
    /// </summary>
    private struct TrackingSink<TSink>(TSink sink) : IFrameSink<TUnion>
        where TSink : IFrameSink<TUnion>
    {
        public TSink Sink = sink;

        public long ResumeAt = -1;

        public void OnFrame(in FrameResult<TUnion> frame, ReadOnlySpan<byte> bytes)
        {
            ResumeAt = frame.Offset + frame.Length;
            Sink.OnFrame(frame, bytes);
        }
    }

    /// <summary>
    /// Hands each frame the end of the stream decodes straight to the caller's sink, uncopied. Once the sink throws, the frame it
    /// threw on is gone and the rest of the read is held for the next loop, since the decoder's place in the
    /// stream must never depend on the sink; the exception is thrown again once the read is decoded.
    /// </summary>
    private struct DeliveringSink<TSink>(PacketStreamReader<TUnion> reader, TSink sink) : IFrameSink<TUnion>
        where TSink : IFrameSink<TUnion>
    {
        private ExceptionDispatchInfo? _failure;

        public TSink Sink = sink;

        public void OnFrame(in FrameResult<TUnion> frame, ReadOnlySpan<byte> bytes)
        {
            if (_failure is not null)
            {
                reader.Hold(frame, bytes);
                return;
            }

            try
            {
                Sink.OnFrame(frame, bytes);
            }
            catch (Exception exception)
            {
                _failure = ExceptionDispatchInfo.Capture(exception);
            }
        }

        public readonly void ThrowIfFailed() => _failure?.Throw();
    }
}
