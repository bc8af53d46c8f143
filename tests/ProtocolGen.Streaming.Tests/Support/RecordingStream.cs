using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace ProtocolGen.Streaming.Tests.Support;

/// <summary>
/// A write-only stream that keeps each write call's bytes as one entry, yields inside every write so that
/// concurrent callers get the chance to overlap, and counts any overlap it sees.
/// </summary>
internal sealed class RecordingStream : Stream
{
    private readonly List<byte[]> _writes = new();
    private int _inside;
    private int _overlaps;

    public IReadOnlyList<byte[]> Writes
    {
        get
        {
            lock (_writes)
            {
                return _writes.ToArray();
            }
        }
    }

    public int Overlaps => Volatile.Read(ref _overlaps);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _inside) > 1)
        {
            Interlocked.Increment(ref _overlaps);
        }

        await Task.Yield();
        lock (_writes)
        {
            _writes.Add(buffer.ToArray());
        }

        Interlocked.Decrement(ref _inside);
    }

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Writes must be asynchronous.");

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
