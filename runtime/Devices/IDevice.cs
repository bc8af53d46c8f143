using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ProtocolGen.Streaming;

namespace ProtocolGen.Devices;

/// <summary>
/// An open handle to a device driver, real or emulated: a byte stream read from it, write requests to it,
/// and control requests (<c>DeviceIoControl</c>).
/// </summary>
public interface IDevice : IAsyncDisposable
{
    /// <summary>
    /// Reads return the bytes the driver hands out (0 once it has ended the stream); each write call is one
    /// write request to the driver. Use <see cref="CommandWriter{TUnion}"/> to keep one packet per write.
    /// </summary>
    Stream Stream { get; }

    /// <summary>Sends control request <paramref name="code"/> and returns how many bytes the driver put in <paramref name="output"/>.</summary>
    ValueTask<int> IoControlAsync(uint code, ReadOnlyMemory<byte> input, Memory<byte> output, CancellationToken cancellationToken = default);
}
