using System;
using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Threading;
using Microsoft.Win32.SafeHandles;

namespace ProtocolGen.Devices;

/// <summary>The Win32 calls of <see cref="IKernel32"/>, through source-generated P/Invoke.</summary>
[SupportedOSPlatform("windows")]
internal sealed unsafe partial class Kernel32 : IKernel32
{
    public SafeHandle CreateFile(string path, uint desiredAccess, uint shareMode, uint creationDisposition, uint flagsAndAttributes)
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

    public IOverlappedBinding Bind(SafeHandle handle) => new ThreadPoolBinding(ThreadPoolBoundHandle.BindHandle(handle));

    public int ReadFile(SafeHandle handle, byte* buffer, int count, NativeOverlapped* overlapped) =>
        ReadFileNative(handle, buffer, (uint)count, IntPtr.Zero, overlapped) ? 0 : Marshal.GetLastPInvokeError();

    public int WriteFile(SafeHandle handle, byte* buffer, int count, NativeOverlapped* overlapped) =>
        WriteFileNative(handle, buffer, (uint)count, IntPtr.Zero, overlapped) ? 0 : Marshal.GetLastPInvokeError();

    public int DeviceIoControl(SafeHandle handle, uint code, byte* input, int inputLength, byte* output, int outputLength, NativeOverlapped* overlapped) =>
        DeviceIoControlNative(handle, code, input, (uint)inputLength, output, (uint)outputLength, IntPtr.Zero, overlapped) ? 0 : Marshal.GetLastPInvokeError();

    // By the raw value, so that a cancellation never throws out of the caller's CancellationTokenSource.Cancel: the
    // caller holds a reference (DangerousAddRef) or has not yet disposed the handle, so the value is still open.
    public void CancelIoEx(SafeHandle handle, NativeOverlapped* overlapped) => CancelIoExNative(handle.DangerousGetHandle(), overlapped);

    [LibraryImport("kernel32.dll", EntryPoint = "CreateFileW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    private static partial SafeFileHandle CreateFileW(string fileName, uint desiredAccess, uint shareMode, IntPtr securityAttributes, uint creationDisposition, uint flagsAndAttributes, IntPtr templateFile);

    [LibraryImport("kernel32.dll", EntryPoint = "ReadFile", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool ReadFileNative(SafeHandle file, byte* buffer, uint bytesToRead, IntPtr bytesRead, NativeOverlapped* overlapped);

    [LibraryImport("kernel32.dll", EntryPoint = "WriteFile", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool WriteFileNative(SafeHandle file, byte* buffer, uint bytesToWrite, IntPtr bytesWritten, NativeOverlapped* overlapped);

    [LibraryImport("kernel32.dll", EntryPoint = "DeviceIoControl", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool DeviceIoControlNative(SafeHandle device, uint ioControlCode, byte* inBuffer, uint inBufferSize, byte* outBuffer, uint outBufferSize, IntPtr bytesReturned, NativeOverlapped* overlapped);

    [LibraryImport("kernel32.dll", EntryPoint = "CancelIoEx", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool CancelIoExNative(IntPtr file, NativeOverlapped* overlapped);
}
