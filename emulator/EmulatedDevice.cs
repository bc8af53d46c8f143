using System;
using System.Threading;
using System.Threading.Tasks;
using ProtocolGen;
using ProtocolGen.Devices;

namespace ProtocolGen.Portmaster.Emulator;

/// <summary>An in-memory device whose driver is a <see cref="DriverEmulator"/>.</summary>
public sealed class EmulatedDevice : IDevice
{
    private readonly EmulatedDeviceStream _stream;

    /// <summary>Opens a device on <paramref name="driver"/>.</summary>
    public EmulatedDevice(DriverEmulator driver)
    {
        Driver = driver;
        _stream = new EmulatedDeviceStream(driver);
    }

    /// <summary>The emulated driver.</summary>
    public DriverEmulator Driver { get; }

    /// <inheritdoc/>
    public System.IO.Stream Stream => _stream;

    /// <inheritdoc/>
    public ValueTask<int> IoControlAsync(uint code, ReadOnlyMemory<byte> input, Memory<byte> output, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<int>(Driver.IoControl(code, input.Span, output.Span));
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
