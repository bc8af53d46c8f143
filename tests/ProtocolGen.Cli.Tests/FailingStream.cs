using System;
using System.IO;

namespace ProtocolGen.Cli.Tests;

/// <summary>A stream whose every read and write throws the exception it was given: a closed pipe, a full disk, a bug.</summary>
internal sealed class FailingStream(Exception failure) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw failure;

    public override void Write(byte[] buffer, int offset, int count) => throw failure;

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
