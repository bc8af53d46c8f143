using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ProtocolGen.Framing;

namespace ProtocolGen.Streaming;

/// <summary>
/// Sends packets of a union one per write call, for peers that parse exactly one packet per write request
/// (such as the Portmaster driver's commands): each packet is encoded whole into a pooled buffer and written
/// with a single <see cref="Stream.WriteAsync(ReadOnlyMemory{byte}, CancellationToken)"/>, never split and
/// never sharing a write. Safe to call from many tasks at once: writes are issued one at a time, so no stream
/// ever sees two of them overlap.
/// </summary>
/// <typeparam name="TUnion">The union of the packets sent.</typeparam>
public sealed class CommandWriter<TUnion>
    where TUnion : IPacketUnion<TUnion>
{
    private readonly Stream _stream;
    // Never disposed: it holds no wait handle, and a sender still inside WriteAsync must be able to release it.
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Writes to <paramref name="stream"/>, which the caller keeps owning.</summary>
    public CommandWriter(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
    }

    /// <summary>Encodes <paramref name="packet"/> and writes it in one write call.</summary>
    public async ValueTask WriteAsync(TUnion packet, CancellationToken cancellationToken = default)
    {
        var size = FrameEncoder.GetFrameSize(packet);
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var written = FrameEncoder.Write(packet, buffer.AsSpan(0, size));
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _stream.WriteAsync(buffer.AsMemory(0, written), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
