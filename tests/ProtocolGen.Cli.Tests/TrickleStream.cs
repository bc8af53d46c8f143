using System;
using System.IO;

namespace ProtocolGen.Cli.Tests;

/// <summary>
/// A read-only stream that hands out its data a few bytes per read, as a pipe or device does, so frames
/// arrive cut at every possible byte.
/// </summary>
internal sealed class TrickleStream : Stream
{
    private readonly byte[] _data;
    private readonly int _maxChunk;
    private int _position;
    private int _nextChunk = 1;

    public TrickleStream(byte[] data, int maxChunk)
    {
        _data = data;
        _maxChunk = maxChunk;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        // Chunk sizes cycle 1, 2, ..., maxChunk so cuts fall at every offset within a frame.
        var length = Math.Min(Math.Min(count, _nextChunk), _data.Length - _position);
        _nextChunk = _nextChunk % _maxChunk + 1;
        Array.Copy(_data, _position, buffer, offset, length);
        _position += length;
        return length;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
