using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace ProtocolGen;

/// <summary>
/// A device handle as a stream: each read is one <c>ReadFile</c> and each write one <c>WriteFile</c>, passed
/// straight through (no buffering, merging or splitting). A write the driver takes only part of is an error,
/// never followed by a second write for the rest: the driver parses one message per write.
/// </summary>
internal sealed class DeviceStream : Stream
{
    private readonly OverlappedIo _io;

    public DeviceStream(OverlappedIo io) => _io = io;

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_io.IsClosed, this);
        return _io.ReadAsync(buffer, cancellationToken);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_io.IsClosed, this);
        var written = await _io.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (written != buffer.Length)
        {
            throw new IOException($"The driver took {written} of a {buffer.Length}-byte write; the rest is not sent in a second write, which the driver would misread.");
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
