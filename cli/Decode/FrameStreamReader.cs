using System;
using System.IO;

namespace ProtocolGen.Cli.Decode;

/// <summary>
/// Reads the frames of a stream one at a time through <see cref="FrameDecoder.TryDecode"/>, holding at
/// most one frame in memory: the buffer grows only to the largest frame the decoder accepts, so a capture
/// of any size decodes in constant memory.
/// </summary>
/// <typeparam name="TUnion">The union the frames belong to.</typeparam>
internal sealed class FrameStreamReader<TUnion>
    where TUnion : IPacketUnion<TUnion>
{
    private const int InitialBufferSize = 64 * 1024;

    private readonly Stream _source;
    private readonly FrameDecoderOptions _options;
    private byte[] _buffer = new byte[InitialBufferSize];
    private int _start;
    private int _end;
    private long _bufferOffset;
    private long _skip;
    private bool _endOfStream;

    public FrameStreamReader(Stream source, FrameDecoderOptions options)
    {
        _source = source;
        _options = options;
    }

    /// <summary>How many bytes of the stream have been read so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>The buffer's size now: stays at its initial size unless a frame needs more.</summary>
    public int BufferCapacity => _buffer.Length;

    /// <summary>Reads the next frame; false at the end of the stream.</summary>
    public bool TryRead(out FrameResult<TUnion> frame)
    {
        while (true)
        {
            if (_skip > 0)
            {
                Discard();
                continue;
            }

            var pending = _buffer.AsSpan(_start, _end - _start);
            if (FrameDecoder.TryDecode(pending, _bufferOffset, _endOfStream, _options, out frame))
            {
                var consumed = (int)Math.Min(frame.Length, pending.Length);
                Consume(consumed);

                // A frame too large to buffer is reported from its header; the rest is dropped as it arrives.
                _skip = frame.Length - consumed;
                return true;
            }

            if (_endOfStream)
            {
                return false;
            }

            Fill();
        }
    }

    private void Consume(int count)
    {
        _start += count;
        _bufferOffset += count;
    }

    private void Discard()
    {
        if (_start == _end)
        {
            Fill();
            if (_start == _end)
            {
                // The stream ended inside the frame being skipped, which was already reported.
                _skip = 0;
                return;
            }
        }

        var count = (int)Math.Min(_skip, _end - _start);
        Consume(count);
        _skip -= count;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            // A partial frame fills the buffer: the decoder caps a frame's size, so this growth is bounded.
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _source.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _endOfStream = true;
            return;
        }

        _end += read;
        BytesRead += read;
    }
}
