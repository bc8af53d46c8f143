using System;
using System.Buffers;
using System.ComponentModel;
using System.IO;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Win32.SafeHandles;

namespace ProtocolGen;

/// <summary>
/// The Win32 calls behind <see cref="WindowsDevice"/>, through source-generated P/Invoke. Reads and writes are
/// overlapped and complete on the thread pool's I/O completion port, so a pending read holds no thread.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed unsafe partial class WindowsDeviceApi : IWindowsDeviceApi
{
    private const int ErrorHandleEof = 38;
    private const int ErrorBrokenPipe = 109;
    private const int ErrorOperationAborted = 995;
    private const int ErrorIoPending = 997;

    private static readonly IOCompletionCallback Completed = OnCompleted;

    // Bound once, when the handle is opened; it lives as long as the handle and holds nothing else to free.
    private ThreadPoolBoundHandle? _bound;

    public SafeFileHandle CreateFile(string path, uint desiredAccess, uint shareMode, uint creationDisposition, uint flagsAndAttributes)
    {
        var handle = CreateFileW(path, desiredAccess, shareMode, IntPtr.Zero, creationDisposition, flagsAndAttributes, IntPtr.Zero);
        if (handle.IsInvalid)
        {
            var error = Marshal.GetLastPInvokeError();
            handle.Dispose();
            throw new Win32Exception(error, $"Cannot open {path}: {Marshal.GetPInvokeErrorMessage(error)}");
        }

        _bound = ThreadPoolBoundHandle.BindHandle(handle);
        return handle;
    }

    public ValueTask<int> ReadFileAsync(SafeFileHandle handle, Memory<byte> buffer, CancellationToken cancellationToken) =>
        StartIo(handle, buffer, isWrite: false, cancellationToken);

    public ValueTask<int> WriteFileAsync(SafeFileHandle handle, ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken) =>
        StartIo(handle, MemoryMarshal.AsMemory(buffer), isWrite: true, cancellationToken);

    public int DeviceIoControl(SafeFileHandle handle, uint code, ReadOnlySpan<byte> input, Span<byte> output)
    {
        // The handle is bound to the completion port, so the request gets an event whose low bit is set:
        // Windows then signals the event and posts nothing to the port, and the call is simply waited for.
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

    private ValueTask<int> StartIo(SafeFileHandle handle, Memory<byte> buffer, bool isWrite, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var bound = _bound ?? throw new InvalidOperationException("The device is not open.");
        var operation = new PendingIo(handle, bound, buffer.Pin(), isWrite, cancellationToken);
        operation.Overlapped = bound.AllocateNativeOverlapped(Completed, operation, pinData: null);
        operation.Registration = cancellationToken.UnsafeRegister(static state => ((PendingIo)state!).Cancel(), operation);
        var pointer = (byte*)operation.Pin.Pointer;
        var started = isWrite
            ? WriteFile(handle, pointer, (uint)buffer.Length, IntPtr.Zero, operation.Overlapped)
            : ReadFile(handle, pointer, (uint)buffer.Length, IntPtr.Zero, operation.Overlapped);
        var error = started ? 0 : Marshal.GetLastPInvokeError();
        if (!started && error != ErrorIoPending)
        {
            // Failed at once: no completion will be posted, so the operation ends here.
            operation.Registration.Dispose();
            operation.Release();
            return isWrite || !IsEndOfFile(error)
                ? ValueTask.FromException<int>(new IOException($"Device {(isWrite ? "write" : "read")} failed.", new Win32Exception(error)))
                : ValueTask.FromResult(0);
        }

        // Started (done already or pending): the completion port calls OnCompleted either way. A cancellation
        // that came before the request existed had nothing to cancel, so it is passed on now.
        if (cancellationToken.IsCancellationRequested)
        {
            operation.Cancel();
        }

        return new ValueTask<int>(operation.Completion.Task);
    }

    private static void OnCompleted(uint errorCode, uint bytes, NativeOverlapped* overlapped)
    {
        var operation = (PendingIo)ThreadPoolBoundHandle.GetNativeOverlappedState(overlapped)!;
        operation.Registration.Dispose();
        operation.Release();
        var error = (int)errorCode;
        if (error == 0)
        {
            operation.Completion.TrySetResult((int)bytes);
        }
        else if (!operation.IsWrite && IsEndOfFile(error))
        {
            operation.Completion.TrySetResult(0);
        }
        else if (error == ErrorOperationAborted && operation.CancellationToken.IsCancellationRequested)
        {
            operation.Completion.TrySetCanceled(operation.CancellationToken);
        }
        else
        {
            operation.Completion.TrySetException(new IOException($"Device {(operation.IsWrite ? "write" : "read")} failed.", new Win32Exception(error)));
        }
    }

    // The driver ends reads after shutdown with end of file; a closed handle reads as a broken pipe.
    private static bool IsEndOfFile(int error) => error is ErrorHandleEof or ErrorBrokenPipe;

    [LibraryImport("kernel32.dll", EntryPoint = "CreateFileW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    private static partial SafeFileHandle CreateFileW(string fileName, uint desiredAccess, uint shareMode, IntPtr securityAttributes, uint creationDisposition, uint flagsAndAttributes, IntPtr templateFile);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool ReadFile(SafeFileHandle file, byte* buffer, uint bytesToRead, IntPtr bytesRead, NativeOverlapped* overlapped);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool WriteFile(SafeFileHandle file, byte* buffer, uint bytesToWrite, IntPtr bytesWritten, NativeOverlapped* overlapped);

    [LibraryImport("kernel32.dll", EntryPoint = "DeviceIoControl", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool DeviceIoControlW(SafeFileHandle device, uint ioControlCode, byte* inBuffer, uint inBufferSize, byte* outBuffer, uint outBufferSize, IntPtr bytesReturned, NativeOverlapped* overlapped);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool GetOverlappedResult(SafeFileHandle file, NativeOverlapped* overlapped, out uint bytesTransferred, [MarshalAs(UnmanagedType.Bool)] bool wait);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool CancelIoEx(SafeFileHandle file, NativeOverlapped* overlapped);

    /// <summary>One overlapped read or write in flight: its pinned buffer, its OVERLAPPED and its outcome.</summary>
    private sealed class PendingIo(SafeFileHandle handle, ThreadPoolBoundHandle bound, MemoryHandle pin, bool isWrite, CancellationToken cancellationToken)
    {
        private readonly object _gate = new();

        public MemoryHandle Pin = pin;

        public NativeOverlapped* Overlapped;

        public CancellationTokenRegistration Registration;

        public bool IsWrite { get; } = isWrite;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public TaskCompletionSource<int> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // Under the gate, so that CancelIoEx never names an OVERLAPPED already freed (or reused by another request).
        public void Cancel()
        {
            lock (_gate)
            {
                if (Overlapped != null)
                {
                    CancelIoEx(handle, Overlapped);
                }
            }
        }

        public void Release()
        {
            lock (_gate)
            {
                Pin.Dispose();
                bound.FreeNativeOverlapped(Overlapped);
                Overlapped = null;
            }
        }
    }
}
