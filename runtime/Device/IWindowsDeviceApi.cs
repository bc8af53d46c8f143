using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Win32.SafeHandles;

namespace ProtocolGen;

/// <summary>
/// The native calls <see cref="WindowsDevice"/> makes, behind an interface so that its buffer handling is
/// tested on any machine with a fake; <see cref="WindowsDeviceApi"/> makes them for real.
/// </summary>
internal interface IWindowsDeviceApi
{
    /// <summary><c>CreateFileW</c>; throws when the device cannot be opened.</summary>
    SafeFileHandle CreateFile(string path, uint desiredAccess, uint shareMode, uint creationDisposition, uint flagsAndAttributes);

    /// <summary>One overlapped <c>ReadFile</c>: the bytes the driver put in <paramref name="buffer"/>, 0 at end of file.</summary>
    ValueTask<int> ReadFileAsync(SafeFileHandle handle, Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>One overlapped <c>WriteFile</c>: the bytes the driver took.</summary>
    ValueTask<int> WriteFileAsync(SafeFileHandle handle, ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken);

    /// <summary><c>DeviceIoControl</c>, waited for; returns the bytes the driver returned in <paramref name="output"/>.</summary>
    int DeviceIoControl(SafeFileHandle handle, uint code, ReadOnlySpan<byte> input, Span<byte> output);
}
