using System.Runtime.Versioning;
using System.Threading;

namespace ProtocolGen.Devices;

/// <summary>A handle bound to the thread pool's completion port, so that a pending request holds no thread.</summary>
[SupportedOSPlatform("windows")]
internal sealed unsafe class ThreadPoolBinding(ThreadPoolBoundHandle bound) : IOverlappedBinding
{
    public NativeOverlapped* Allocate(IOCompletionCallback callback, object state) => bound.AllocateNativeOverlapped(callback, state, pinData: null);

    public void Free(NativeOverlapped* overlapped) => bound.FreeNativeOverlapped(overlapped);

    public object? GetState(NativeOverlapped* overlapped) => ThreadPoolBoundHandle.GetNativeOverlappedState(overlapped);

    public void Dispose() => bound.Dispose();
}
