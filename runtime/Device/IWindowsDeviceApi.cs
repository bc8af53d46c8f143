using System;
using System.IO;
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

    /// <summary>A stream whose every read and write is one <c>ReadFile</c> or <c>WriteFile</c> on <paramref name="handle"/>.</summary>
    Stream OpenStream(SafeFileHandle handle);

    /// <summary><c>DeviceIoControl</c>, waited for; returns the bytes the driver returned in <paramref name="output"/>.</summary>
    int DeviceIoControl(SafeFileHandle handle, uint code, ReadOnlySpan<byte> input, Span<byte> output);
}
