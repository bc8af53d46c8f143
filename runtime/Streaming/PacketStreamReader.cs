using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ProtocolGen.Framing;

namespace ProtocolGen.Streaming;

/// <summary>
/// Reads the frames of a union from one long-lived stream (a device, say) in as many read loops as the caller
/// likes. Unlike <see cref="PacketReader"/>, whose every call starts a fresh decoder, it keeps its decoder and
/// the frames it decoded but has not yet delivered: a loop that ends early (a <c>break</c> out of
/// <c>await foreach</c>, a cancelled read) loses nothing, and the next loop goes on with the next frame, so every
/// frame is delivered exactly once, in order, whichever API delivers it. One loop at a time: starting a second
/// while one runs is an <see cref="InvalidOperationException"/>.
/// </summary>
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
    private byte[] _heldBytes = Array.Empty<byte>();
    private int _heldLength;
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
        var buffer = ArrayPool<byte>.Shared.Rent(_readSize);
        try
        {
            while (true)
            {
                while (_undelivered.TryDequeue(out var held))
                {
                    yield return held.Frame;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var read = ReadCount.Check(await _stream.ReadAsync(buffer.AsMemory(0, _readSize), cancellationToken).ConfigureAwait(false), _readSize, "The stream");
                var sink = new HoldingSink(this);
                if (read == 0)
                {
                    _decoder.Complete(ref sink);
                    while (_undelivered.TryDequeue(out var held))
                    {
                        yield return held.Frame;
                    }

                    yield break;
                }

                _decoder.Feed(buffer.AsSpan(0, read), ref sink);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Exit();
        }
    }

    /// <summary>
    /// Hands every frame to <paramref name="sink"/> until the stream ends (first any a previous loop decoded and
    /// did not deliver), and returns the sink. Each frame leaves the reader before the sink sees it, so a sink
    /// that throws loses only the frame it threw on, and the next loop goes on after it.
    /// </summary>
    /// <exception cref="IOException">The stream reported more bytes than the read asked for (or a negative count).</exception>
    public async ValueTask<TSink> ReadAsync<TSink>(TSink sink, CancellationToken cancellationToken = default)
        where TSink : IFrameSink<TUnion>
    {
        Enter();
        var buffer = ArrayPool<byte>.Shared.Rent(_readSize);
        try
        {
            while (true)
            {
                Deliver(ref sink);
                cancellationToken.ThrowIfCancellationRequested();
                var read = ReadCount.Check(await _stream.ReadAsync(buffer.AsMemory(0, _readSize), cancellationToken).ConfigureAwait(false), _readSize, "The stream");
                var holding = new HoldingSink(this);
                if (read == 0)
                {
                    _decoder.Complete(ref holding);
                    Deliver(ref sink);
                    return sink;
                }

                // Decoded into the queue first: the decoder's place in the stream must never depend on the sink.
                _decoder.Feed(buffer.AsSpan(0, read), ref holding);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
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
        }
    }

    private void Exit()
    {
        lock (_gate)
        {
            _reading = false;
            if (_undelivered.Count == 0)
            {
                _heldLength = 0;
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
        if (_heldBytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_heldBytes);
            _heldBytes = Array.Empty<byte>();
            _heldLength = 0;
        }
    }

    private void Deliver<TSink>(ref TSink sink)
        where TSink : IFrameSink<TUnion>
    {
        while (_undelivered.TryDequeue(out var held))
        {
            sink.OnFrame(held.Frame, _heldBytes.AsSpan(held.Start, held.Length));
        }
    }

    private void Hold(in FrameResult<TUnion> frame, ReadOnlySpan<byte> bytes)
    {
        if (_undelivered.Count == 0)
        {
            _heldLength = 0;
        }

        var needed = _heldLength + bytes.Length;
        if (needed > _heldBytes.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, 2 * _heldBytes.Length));
            _heldBytes.AsSpan(0, _heldLength).CopyTo(larger);
            if (_heldBytes.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_heldBytes);
            }

            _heldBytes = larger;
        }

        bytes.CopyTo(_heldBytes.AsSpan(_heldLength));
        _undelivered.Enqueue((frame, _heldLength, bytes.Length));
        _heldLength = needed;
    }

    /// <summary>Keeps each frame a read decodes until the loop hands it out.</summary>
    private readonly struct HoldingSink(PacketStreamReader<TUnion> reader) : IFrameSink<TUnion>
    {
        public void OnFrame(in FrameResult<TUnion> frame, ReadOnlySpan<byte> bytes) => reader.Hold(frame, bytes);
    }
}
