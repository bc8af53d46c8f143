using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace ProtocolGen.Devices;

/// <summary>
/// A device handle as a stream: each read is one <c>ReadFile</c> and each write one <c>WriteFile</c>, passed
/// straight through (no buffering, merging or splitting). A write the driver takes only part of is an error,
/// never followed by a second write for the rest: the driver parses one message per write.
/// </summary>
internal sealed class DeviceStream : DeviceStreamBase
{
    private readonly OverlappedIo _io;

    public DeviceStream(OverlappedIo io) => _io = io;

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_io.IsClosed, this);
        return _io.ReadAsync(buffer, cancellationToken);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_io.IsClosed, this);
        var written = await _io.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (written != buffer.Length)
        {
            throw new IOException($"The driver took {written} of a {buffer.Length}-byte write; the rest is not sent in a second write, which the driver would misread.");
        }
    }
}
