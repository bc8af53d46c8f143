using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ProtocolGen.Devices;

namespace ProtocolGen.Portmaster.Emulator;

/// <summary>
/// The client's end of an in-memory device: each read is a read request to the emulator and each write a
/// write request, passed through as they are (never buffered, merged or split).
/// </summary>
public sealed class EmulatedDeviceStream : DeviceStreamBase
{
    private readonly DriverEmulator _driver;
    private readonly CancellationTokenSource _closed = new();

    /// <summary>Connects to <paramref name="driver"/>.</summary>
    public EmulatedDeviceStream(DriverEmulator driver)
    {
        ArgumentNullException.ThrowIfNull(driver);
        _driver = driver;
    }

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_closed.IsCancellationRequested, this);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
        return await _driver.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_closed.IsCancellationRequested, this);
        _driver.Write(buffer);
    }

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <summary>Closing the handle ends pending reads.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _closed.Cancel();
        }

        base.Dispose(disposing);
    }
}
