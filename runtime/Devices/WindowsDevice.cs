using System;
using System.IO;
using System.Runtime.Versioning;
using System.Threading;
using System.Threading.Tasks;

namespace ProtocolGen.Devices;

/// <summary>
/// A Windows kernel device opened for overlapped I/O (<c>GENERIC_READ | GENERIC_WRITE</c>, no sharing,
/// <c>OPEN_EXISTING</c>, <c>FILE_FLAG_OVERLAPPED</c>): reads and writes go through <see cref="Stream"/>, one
/// overlapped <c>ReadFile</c> or <c>WriteFile</c> per call, and control requests through <c>DeviceIoControl</c>,
/// all overlapped, through source-generated P/Invoke.
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

    private readonly OverlappedIo _io;
    private readonly Stream _stream;

    internal WindowsDevice(IKernel32 kernel, string path)
    {
        Path = path;
        var handle = kernel.CreateFile(path, GenericReadWrite, ShareNone, OpenExisting, FlagOverlapped);
        try
        {
            _io = new OverlappedIo(kernel, handle);
        }
        catch
        {
            handle.Dispose();
            throw;
        }

        _stream = new DeviceStream(_io);
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

        return new WindowsDevice(new Kernel32(), path);
    }

    /// <summary>
    /// Sends control request <paramref name="code"/> as one overlapped <c>DeviceIoControl</c>: the buffers stay
    /// pinned until the driver has answered, and cancelling the token cancels the request.
    /// </summary>
    public async ValueTask<int> IoControlAsync(uint code, ReadOnlyMemory<byte> input, Memory<byte> output, CancellationToken cancellationToken = default)
    {
        var returned = await _io.IoControlAsync(code, input, output, cancellationToken).ConfigureAwait(false);
        if ((uint)returned > (uint)output.Length)
        {
            throw new IOException($"The driver reported {returned} bytes for control request 0x{code:X8}, but the output buffer holds {output.Length}.");
        }

        return returned;
    }

    /// <summary>
    /// Cancels every pending read, write and control request (they end with <see cref="OperationCanceledException"/>)
    /// and closes the handle. Throws nothing.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        _io.Close();
        return ValueTask.CompletedTask;
    }
}
