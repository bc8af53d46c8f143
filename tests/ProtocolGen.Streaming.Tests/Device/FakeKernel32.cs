using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using ProtocolGen.Devices;

// The completion callback type is marked Windows-only; here it is only called by the fake port, on any machine.
#pragma warning disable CA1416

namespace ProtocolGen.Streaming.Tests.Device;

/// <summary>
/// Stands in for kernel32 and the completion port: records each request, answers it as <see cref="Answer"/> says
/// (done at once, pending, or failed at once), and posts completions on the thread pool as the port would.
/// </summary>
internal sealed unsafe class FakeKernel32 : IKernel32
{
    public const int ErrorIoPending = 997;
    public const int ErrorOperationAborted = 995;

    private readonly object _gate = new();
    private readonly List<FakeRequest> _pending = new();
    private readonly List<FakeRequest> _held = new();

    public FakeKernel32()
    {
        Answer = DefaultAnswer;
    }

    public (string Path, uint Access, uint Share, uint Creation, uint Flags)? Opened { get; private set; }

    public CountingHandle? Handle { get; private set; }

    public FakeBinding? Binding { get; private set; }

    public bool BindThrows { get; set; }

    /// <summary>While true, CancelIoEx marks requests cancelled but does not end them yet.</summary>
    public bool HoldCancellations { get; set; }

    /// <summary>Every request issued, in order.</summary>
    public List<FakeRequest> Requests { get; } = new();

    /// <summary>Each CancelIoEx call: the request named, or null for all, and whether the handle was not yet disposed.</summary>
    public List<(FakeRequest? Request, bool HandleOpen)> Cancels { get; } = new();

    /// <summary>What successive default reads return; once empty, end of file (a 0-byte success).</summary>
    public Queue<byte[]> Reads { get; } = new();

    /// <summary>How many bytes a default write reports taken, given its length.</summary>
    public Func<int, int> Taken { get; set; } = length => length;

    /// <summary>What a default control request writes into its output, and the count it reports (null: the answer's length).</summary>
    public Func<uint, byte[]> ControlAnswer { get; set; } = _ => Array.Empty<byte>();

    public int? ReportedCount { get; set; }

    /// <summary>Decides each request's fate: what the call returns; <see cref="Complete"/> ends pending ones.</summary>
    public Func<FakeRequest, int> Answer { get; set; }

    public IReadOnlyList<FakeRequest> Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending.ToList();
            }
        }
    }

    public SafeHandle CreateFile(string path, uint desiredAccess, uint shareMode, uint creationDisposition, uint flagsAndAttributes)
    {
        Opened = (path, desiredAccess, shareMode, creationDisposition, flagsAndAttributes);
        return Handle = new CountingHandle();
    }

    public IOverlappedBinding Bind(SafeHandle handle) => BindThrows
        ? throw new InvalidOperationException("binding failed")
        : Binding = new FakeBinding();

    public int ReadFile(SafeHandle handle, byte* buffer, int count, NativeOverlapped* overlapped) =>
        Issue(new FakeRequest(FakeRequestKind.Read, 0, (IntPtr)buffer, count, Array.Empty<byte>(), (IntPtr)overlapped));

    public int WriteFile(SafeHandle handle, byte* buffer, int count, NativeOverlapped* overlapped) =>
        Issue(new FakeRequest(FakeRequestKind.Write, 0, (IntPtr)buffer, count, new ReadOnlySpan<byte>(buffer, count).ToArray(), (IntPtr)overlapped));

    public int DeviceIoControl(SafeHandle handle, uint code, byte* input, int inputLength, byte* output, int outputLength, NativeOverlapped* overlapped) =>
        Issue(new FakeRequest(FakeRequestKind.Control, code, (IntPtr)output, outputLength, new ReadOnlySpan<byte>(input, inputLength).ToArray(), (IntPtr)overlapped));

    public void CancelIoEx(SafeHandle handle, NativeOverlapped* overlapped)
    {
        List<FakeRequest> cancelled;
        lock (_gate)
        {
            cancelled = _pending.Where(r => overlapped == null || r.Overlapped == (IntPtr)overlapped).ToList();
            Cancels.Add((overlapped == null ? null : Requests.LastOrDefault(r => r.Overlapped == (IntPtr)overlapped), !((CountingHandle)handle).Disposed));
        }

        if (HoldCancellations)
        {
            lock (_gate)
            {
                _held.AddRange(cancelled);
            }

            return;
        }

        foreach (var request in cancelled)
        {
            Complete(request, ErrorOperationAborted, 0);
        }
    }

    /// <summary>Ends the requests cancelled while <see cref="HoldCancellations"/> was set.</summary>
    public void EndHeldCancellations()
    {
        List<FakeRequest> held;
        lock (_gate)
        {
            held = _held.ToList();
            _held.Clear();
        }

        foreach (var request in held)
        {
            Complete(request, ErrorOperationAborted, 0);
        }
    }

    /// <summary>Ends a pending request as the kernel would: its completion is posted to the port.</summary>
    public void Complete(FakeRequest request, int error, int bytes)
    {
        lock (_gate)
        {
            if (!_pending.Remove(request))
            {
                return;
            }
        }

        Post(request, error, bytes);
    }

    /// <summary>Writes <paramref name="data"/> into a pending read's buffer and completes it.</summary>
    public void CompleteRead(FakeRequest request, byte[] data)
    {
        data.CopyTo(request.Buffer);
        Complete(request, 0, data.Length);
    }

    /// <summary>Answers like a driver with data to hand: done at once, the completion posted.</summary>
    public int DefaultAnswer(FakeRequest request)
    {
        switch (request.Kind)
        {
            case FakeRequestKind.Read:
                var data = Reads.TryDequeue(out var next) ? next : Array.Empty<byte>();
                data.CopyTo(request.Buffer);
                return Done(request, data.Length);
            case FakeRequestKind.Write:
                return Done(request, Taken(request.Length));
            default:
                var answer = ControlAnswer(request.Code);
                answer.AsSpan(0, Math.Min(answer.Length, request.Length)).CopyTo(request.Buffer);
                return Done(request, ReportedCount ?? answer.Length);
        }
    }

    /// <summary>Done at once: the call succeeds and the completion is still posted (no skip-on-success mode).</summary>
    public int Done(FakeRequest request, int bytes)
    {
        Post(request, 0, bytes);
        return 0;
    }

    /// <summary>Fails with a warning status: the call returns the error and, as for success, the completion is still posted.</summary>
    public int Warn(FakeRequest request, int error)
    {
        Post(request, error, request.Length);
        return error;
    }

    /// <summary>Left pending, for the test to complete.</summary>
    public int Pend(FakeRequest request)
    {
        lock (_gate)
        {
            _pending.Add(request);
        }

        return ErrorIoPending;
    }

    private int Issue(FakeRequest request)
    {
        lock (_gate)
        {
            Requests.Add(request);
        }

        return Answer(request);
    }

    private void Post(FakeRequest request, int error, int bytes) =>
        ThreadPool.UnsafeQueueUserWorkItem(_ => Binding!.Run((NativeOverlapped*)request.Overlapped, (uint)error, (uint)bytes), null);
}

internal enum FakeRequestKind
{
    Read,
    Write,
    Control,
}

/// <summary>One request the fake kernel saw: its buffer (output, for a control request) and the bytes it was given.</summary>
internal sealed unsafe class FakeRequest(FakeRequestKind kind, uint code, IntPtr bufferAddress, int length, byte[] input, IntPtr overlapped)
{
    public FakeRequestKind Kind { get; } = kind;

    public uint Code { get; } = code;

    public int Length { get; } = length;

    public byte[] Input { get; } = input;

    public IntPtr Overlapped { get; } = overlapped;

    public Span<byte> Buffer => new((void*)bufferAddress, Length);
}

/// <summary>A handle that tells whether it was disposed, and whether it was really released (after the last reference went).</summary>
internal sealed class CountingHandle : SafeHandle
{
    public CountingHandle()
        : base(IntPtr.Zero, ownsHandle: true) => SetHandle(new IntPtr(4242));

    public bool Disposed { get; private set; }

    public bool Released { get; private set; }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }

    public override bool IsInvalid => false;

    protected override bool ReleaseHandle() => Released = true;
}

/// <summary>The completion port: OVERLAPPEDs in native memory, each with its callback and state.</summary>
internal sealed unsafe class FakeBinding : IOverlappedBinding
{
    private readonly Dictionary<IntPtr, (IOCompletionCallback Callback, object State)> _live = new();

    public bool Disposed { get; private set; }

    public int Live
    {
        get
        {
            lock (_live)
            {
                return _live.Count;
            }
        }
    }

    public NativeOverlapped* Allocate(IOCompletionCallback callback, object state)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        var overlapped = (NativeOverlapped*)NativeMemory.AllocZeroed((nuint)sizeof(NativeOverlapped));
        lock (_live)
        {
            _live.Add((IntPtr)overlapped, (callback, state));
        }

        return overlapped;
    }

    public void Free(NativeOverlapped* overlapped)
    {
        lock (_live)
        {
            if (!_live.Remove((IntPtr)overlapped))
            {
                throw new InvalidOperationException("An OVERLAPPED freed twice, or never allocated.");
            }
        }

        NativeMemory.Free(overlapped);
    }

    public object? GetState(NativeOverlapped* overlapped)
    {
        lock (_live)
        {
            return _live[(IntPtr)overlapped].State;
        }
    }

    public void Run(NativeOverlapped* overlapped, uint error, uint bytes)
    {
        IOCompletionCallback callback;
        lock (_live)
        {
            callback = _live[(IntPtr)overlapped].Callback;
        }

        callback(error, bytes, overlapped);
    }

    public void Dispose() => Disposed = true;
}
