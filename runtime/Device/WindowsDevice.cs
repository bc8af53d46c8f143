using System;
using System.IO;
using System.Runtime.Versioning;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Win32.SafeHandles;

namespace ProtocolGen;

/// <summary>
/// A Windows kernel device opened for overlapped I/O (<c>GENERIC_READ | GENERIC_WRITE</c>, no sharing,
/// <c>OPEN_EXISTING</c>, <c>FILE_FLAG_OVERLAPPED</c>): reads and writes go through <see cref="Stream"/>, one
/// overlapped <c>ReadFile</c> or <c>WriteFile</c> per call, and control requests through <c>DeviceIoControl</c>,
/// all through source-generated P/Invoke.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsDevice : IDevice
{
    /// <summary><c>GENERIC_READ | GENERIC_WRITE</c>.</summary>
    internal const uint GenericReadWrite = 0x8000_0000 | 0x4000_0000;

    /// <summary>No sharing: the driver serves one client.</summary>
    internal const uint ShareNone = 0;

    /// <summary><c>OPEN_EXISTING</c>.</summary>
    internal const uint OpenExisting = 3;

    /// <summary><c>FILE_FLAG_OVERLAPPED</c>.</summary>
    internal const uint FlagOverlapped = 0x4000_0000;

    private readonly IWindowsDeviceApi _api;
    private readonly SafeFileHandle _handle;
    private readonly Stream _stream;

    internal WindowsDevice(IWindowsDeviceApi api, string path)
    {
        _api = api;
        Path = path;
        _handle = api.CreateFile(path, GenericReadWrite, ShareNone, OpenExisting, FlagOverlapped);
        _stream = new DeviceStream(api, _handle);
    }

    /// <summary>The device path, such as <c>\\.\PortmasterKext</c>.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public Stream Stream => _stream;

    /// <summary>Opens the device at <paramref name="path"/>; off Windows, throws <see cref="PlatformNotSupportedException"/>.</summary>
    public static WindowsDevice Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException(
                $"{path} is a Windows kernel device and cannot be opened on {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; use an emulated device instead.");
        }

        return new WindowsDevice(new WindowsDeviceApi(), path);
    }

    /// <inheritdoc/>
    public ValueTask<int> IoControlAsync(uint code, ReadOnlyMemory<byte> input, Memory<byte> output, CancellationToken cancellationToken = default)
    {
        // DeviceIoControl is waited for on a pool thread: control requests are rare and answered at once.
        return new ValueTask<int>(Task.Run(() => IoControl(code, input.Span, output.Span), cancellationToken));
    }

    /// <summary>Sends control request <paramref name="code"/> and waits for the driver's answer.</summary>
    public int IoControl(uint code, ReadOnlySpan<byte> input, Span<byte> output)
    {
        var returned = _api.DeviceIoControl(_handle, code, input, output);
        if ((uint)returned > (uint)output.Length)
        {
            throw new IOException($"The driver reported {returned} bytes for control request 0x{code:X8}, but the output buffer holds {output.Length}.");
        }

        return returned;
    }

    /// <summary>Closes the handle, which ends pending reads and writes. Throws nothing.</summary>
    public ValueTask DisposeAsync()
    {
        _handle.Dispose();
        return ValueTask.CompletedTask;
    }
}
