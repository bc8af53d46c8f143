using System;
using System.ComponentModel;
using System.IO;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Threading;
using Microsoft.Win32.SafeHandles;

namespace ProtocolGen;

/// <summary>The Win32 calls behind <see cref="WindowsDevice"/>, through source-generated P/Invoke.</summary>
[SupportedOSPlatform("windows")]
internal sealed partial class WindowsDeviceApi : IWindowsDeviceApi
{
    private const int ErrorIoPending = 997;

    public SafeFileHandle CreateFile(string path, uint desiredAccess, uint shareMode, uint creationDisposition, uint flagsAndAttributes)
    {
        var handle = CreateFileW(path, desiredAccess, shareMode, IntPtr.Zero, creationDisposition, flagsAndAttributes, IntPtr.Zero);
        if (handle.IsInvalid)
        {
            var error = Marshal.GetLastPInvokeError();
            handle.Dispose();
            throw new Win32Exception(error, $"Cannot open {path}: {Marshal.GetPInvokeErrorMessage(error)}");
        }

        return handle;
    }

    // FileStream with no buffer issues one overlapped ReadFile or WriteFile per call on the thread pool's completion port.
    public Stream OpenStream(SafeFileHandle handle) => new FileStream(handle, FileAccess.ReadWrite, bufferSize: 0, isAsync: true);

    public unsafe int DeviceIoControl(SafeFileHandle handle, uint code, ReadOnlySpan<byte> input, Span<byte> output)
    {
        // The handle is overlapped and bound to the completion port by the stream, so the request gets an event
        // whose low bit is set: Windows then signals the event and posts nothing to the port.
        using var done = new ManualResetEvent(false);
        var overlapped = new NativeOverlapped { EventHandle = done.SafeWaitHandle.DangerousGetHandle() | 1 };
        fixed (byte* inBuffer = input)
        fixed (byte* outBuffer = output)
        {
            if (!DeviceIoControlW(handle, code, inBuffer, (uint)input.Length, outBuffer, (uint)output.Length, IntPtr.Zero, &overlapped))
            {
                var error = Marshal.GetLastPInvokeError();
                if (error != ErrorIoPending)
                {
                    throw new Win32Exception(error);
                }
            }

            if (!GetOverlappedResult(handle, &overlapped, out var returned, wait: true))
            {
                throw new Win32Exception(Marshal.GetLastPInvokeError());
            }

            return (int)returned;
        }
    }

    [LibraryImport("kernel32.dll", EntryPoint = "CreateFileW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    private static partial SafeFileHandle CreateFileW(string fileName, uint desiredAccess, uint shareMode, IntPtr securityAttributes, uint creationDisposition, uint flagsAndAttributes, IntPtr templateFile);

    [LibraryImport("kernel32.dll", EntryPoint = "DeviceIoControl", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static unsafe partial bool DeviceIoControlW(SafeFileHandle device, uint ioControlCode, byte* inBuffer, uint inBufferSize, byte* outBuffer, uint outBufferSize, IntPtr bytesReturned, NativeOverlapped* overlapped);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static unsafe partial bool GetOverlappedResult(SafeFileHandle file, NativeOverlapped* overlapped, out uint bytesTransferred, [MarshalAs(UnmanagedType.Bool)] bool wait);
}
