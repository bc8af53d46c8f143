using System;
using System.Buffers;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace ProtocolGen.Devices;

/// <summary>
/// Overlapped reads, writes and control requests on one device handle, completed through its completion-port
/// binding. Until a request has ended, its buffers stay pinned, its OVERLAPPED allocated and the handle
/// referenced (<see cref="SafeHandle.DangerousAddRef"/>), so that neither a cancellation nor closing the device
/// leaves the kernel writing into freed memory or a reused handle. Cancelling a request's token cancels it
/// (<c>CancelIoEx</c>); <see cref="Close"/> cancels every request before it closes the handle.
/// </summary>
internal sealed unsafe class OverlappedIo
{
    private const int ErrorHandleEof = 38;
    private const int ErrorOperationAborted = 995;
    private const int ErrorIoPending = 997;
    private const int ErrorMoreData = 234;

    private readonly IKernel32 _kernel;
    private readonly SafeHandle _handle;
    private readonly IOverlappedBinding _binding;
    private readonly IOCompletionCallback _completed;
    private int _closed;

    /// <summary>Binds <paramref name="handle"/>; if binding throws, the caller still owns the handle.</summary>
    public OverlappedIo(IKernel32 kernel, SafeHandle handle)
    {
        _kernel = kernel;
        _handle = handle;
        _binding = kernel.Bind(handle);
        _completed = OnCompleted;
    }

    private enum Kind
    {
        Read,
        Write,
        Control,
    }

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>One <c>ReadFile</c>: the bytes the driver put in <paramref name="buffer"/>, 0 at end of file.</summary>
    /// <exception cref="IOException">The read failed, or its completion reported more bytes than <paramref name="buffer"/> holds.</exception>
    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        Start(Kind.Read, 0, buffer, default, cancellationToken);

    /// <summary>One <c>WriteFile</c>: the bytes the driver took.</summary>
    public ValueTask<int> WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken) =>
        Start(Kind.Write, 0, MemoryMarshal.AsMemory(buffer), default, cancellationToken);

    /// <summary>One <c>DeviceIoControl</c>: the bytes the driver returned in <paramref name="output"/>.</summary>
    public ValueTask<int> IoControlAsync(uint code, ReadOnlyMemory<byte> input, Memory<byte> output, CancellationToken cancellationToken) =>
        Start(Kind.Control, code, output, input, cancellationToken);

    /// <summary>
    /// Cancels every request, then closes the handle: <c>CloseHandle</c> alone does not end pending requests. The
    /// handle is released for real when the last request holding it has ended. Throws nothing; idempotent.
    /// </summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _kernel.CancelIoEx(_handle, null);
        _handle.Dispose();
        _binding.Dispose();
    }

    private ValueTask<int> Start(Kind kind, uint code, Memory<byte> buffer, ReadOnlyMemory<byte> input, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<int>(cancellationToken);
        }

        if (IsClosed)
        {
            return ValueTask.FromException<int>(new ObjectDisposedException(nameof(WindowsDevice)));
        }

        var operation = new PendingIo(this, kind, cancellationToken);
        int error;
        try
        {
            operation.Begin(buffer, input);
            var pointer = (byte*)operation.BufferPointer;
            error = kind switch
            {
                Kind.Read => _kernel.ReadFile(_handle, pointer, buffer.Length, operation.Overlapped),
                Kind.Write => _kernel.WriteFile(_handle, pointer, buffer.Length, operation.Overlapped),
                _ => _kernel.DeviceIoControl(_handle, code, (byte*)operation.InputPointer, input.Length, pointer, buffer.Length, operation.Overlapped),
            };
        }
        catch (Exception e)
        {
            // Never issued (the handle closed under us, say): nothing will complete, so everything is freed here.
            operation.End();
            return ValueTask.FromException<int>(e);
        }

        // A warning such as ERROR_MORE_DATA (an output buffer too small for a control request's answer) still posts
        // a completion, like success and ERROR_IO_PENDING: the request ends in OnCompleted, never twice.
        if (error != 0 && error != ErrorIoPending && error != ErrorMoreData)
        {
            // Failed at once: no completion will be posted, so the request ends here.
            operation.End();
            return Outcome(operation, error);
        }

        // Issued (done already or pending): the completion port calls OnCompleted either way. A cancellation or a
        // close that came before the request existed had nothing to cancel, so it is passed on now.
        if (cancellationToken.IsCancellationRequested || IsClosed)
        {
            operation.Cancel();
        }

        return new ValueTask<int>(operation.Completion.Task);
    }

    private void OnCompleted(uint errorCode, uint bytes, NativeOverlapped* overlapped)
    {
        var operation = (PendingIo)_binding.GetState(overlapped)!;
        operation.End();
        var failure = errorCode == 0 ? null : Failure(operation, (int)errorCode);
        if (failure is null && errorCode == 0 && bytes > (uint)operation.BufferLength)
        {
            // A driver (or a kernel seam) that reports more than the buffer holds: never trusted, never fed on.
            failure = new IOException(string.Create(CultureInfo.InvariantCulture, $"The device {Describe(operation.Kind)} reported {bytes} bytes for a buffer of {operation.BufferLength} bytes."));
        }

        if (failure is null)
        {
            operation.Completion.TrySetResult(errorCode == 0 ? (int)bytes : 0);
        }
        else if (failure is OperationCanceledException && operation.CancellationToken.IsCancellationRequested)
        {
            operation.Completion.TrySetCanceled(operation.CancellationToken);
        }
        else
        {
            operation.Completion.TrySetException(failure);
        }
    }

    private static ValueTask<int> Outcome(PendingIo operation, int error) => Failure(operation, error) switch
    {
        null => ValueTask.FromResult(0),
        OperationCanceledException when operation.CancellationToken.IsCancellationRequested => ValueTask.FromCanceled<int>(operation.CancellationToken),
        var failure => ValueTask.FromException<int>(failure),
    };

    // What a request's error means; null for end of file, which the driver gives reads after its shutdown.
    private static Exception? Failure(PendingIo operation, int error) => error switch
    {
        ErrorHandleEof when operation.Kind == Kind.Read => null,

        // Cancelled by the caller's token, or by closing the device.
        ErrorOperationAborted => new OperationCanceledException($"The device {Describe(operation.Kind)} was cancelled.", operation.CancellationToken),

        _ => new IOException($"Device {Describe(operation.Kind)} failed.", new Win32Exception(error)),
    };

    private static string Describe(Kind kind) => kind switch
    {
        Kind.Read => "read",
        Kind.Write => "write",
        _ => "control request",
    };

    /// <summary>One request in flight: its pinned buffers, its OVERLAPPED, its reference to the handle and its outcome.</summary>
    private sealed class PendingIo(OverlappedIo owner, Kind kind, CancellationToken cancellationToken)
    {
        private readonly object _gate = new();
        private MemoryHandle _buffer;
        private MemoryHandle _input;
        private bool _referenced;
        private CancellationTokenRegistration _registration;

        public Kind Kind { get; } = kind;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public TaskCompletionSource<int> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public NativeOverlapped* Overlapped { get; private set; }

        public void* BufferPointer => _buffer.Pointer;

        public int BufferLength { get; private set; }

        public void* InputPointer => _input.Pointer;

        // Each step is undone by End, whichever step threw.
        public void Begin(Memory<byte> buffer, ReadOnlyMemory<byte> input)
        {
            owner._handle.DangerousAddRef(ref _referenced);
            _buffer = buffer.Pin();
            BufferLength = buffer.Length;
            _input = input.Pin();
            Overlapped = owner._binding.Allocate(owner._completed, this);
            _registration = CancellationToken.UnsafeRegister(static state => ((PendingIo)state!).Cancel(), this);
        }

        // Under the gate, so that CancelIoEx never names an OVERLAPPED already freed (or reused by another request).
        public void Cancel()
        {
            lock (_gate)
            {
                if (Overlapped != null)
                {
                    owner._kernel.CancelIoEx(owner._handle, Overlapped);
                }
            }
        }

        public void End()
        {
            _registration.Dispose();
            lock (_gate)
            {
                if (Overlapped != null)
                {
                    owner._binding.Free(Overlapped);
                    Overlapped = null;
                }

                _buffer.Dispose();
                _input.Dispose();
                if (_referenced)
                {
                    _referenced = false;
                    owner._handle.DangerousRelease();
                }
            }
        }
    }
}
