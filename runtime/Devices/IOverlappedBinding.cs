using System;
using System.Threading;

namespace ProtocolGen.Devices;

/// <summary>A handle's binding to a completion port (<see cref="ThreadPoolBoundHandle"/> for real): the OVERLAPPEDs of its requests.</summary>
internal unsafe interface IOverlappedBinding : IDisposable
{
    /// <summary>An OVERLAPPED whose completion calls <paramref name="callback"/> with <paramref name="state"/> attached.</summary>
    NativeOverlapped* Allocate(IOCompletionCallback callback, object state);

    /// <summary>Frees an OVERLAPPED once its request has ended (allowed after <see cref="IDisposable.Dispose"/>).</summary>
    void Free(NativeOverlapped* overlapped);

    /// <summary>The state <see cref="Allocate"/> attached.</summary>
    object? GetState(NativeOverlapped* overlapped);
}
