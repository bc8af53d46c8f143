using System.Runtime.InteropServices;
using System.Threading;

namespace ProtocolGen.Devices;

/// <summary>
/// The Win32 calls behind <see cref="WindowsDevice"/>'s overlapped I/O, behind an interface so that
/// <see cref="OverlappedIo"/> (pinning, completion, cancellation, closing) is tested on any machine with a fake;
/// <see cref="Kernel32"/> makes them for real.
/// </summary>
internal unsafe interface IKernel32
{
    /// <summary><c>CreateFileW</c>; throws when the device cannot be opened.</summary>
    SafeHandle CreateFile(string path, uint desiredAccess, uint shareMode, uint creationDisposition, uint flagsAndAttributes);

    /// <summary>Binds <paramref name="handle"/> to the completion port whose callbacks end its overlapped requests.</summary>
    IOverlappedBinding Bind(SafeHandle handle);

    /// <summary><c>ReadFile</c>: 0 when it completed at once, else its error (<c>ERROR_IO_PENDING</c>: it will complete).</summary>
    int ReadFile(SafeHandle handle, byte* buffer, int count, NativeOverlapped* overlapped);

    /// <summary><c>WriteFile</c>, answered as <see cref="ReadFile"/>.</summary>
    int WriteFile(SafeHandle handle, byte* buffer, int count, NativeOverlapped* overlapped);

    /// <summary><c>DeviceIoControl</c>, answered as <see cref="ReadFile"/>.</summary>
    int DeviceIoControl(SafeHandle handle, uint code, byte* input, int inputLength, byte* output, int outputLength, NativeOverlapped* overlapped);

    /// <summary>
    /// <c>CancelIoEx</c>: ends the request of <paramref name="overlapped"/>, or every request when it is null, with
    /// <c>ERROR_OPERATION_ABORTED</c>. Callers hold a reference to the handle, so it throws nothing even when the
    /// handle is already marked closed.
    /// </summary>
    void CancelIoEx(SafeHandle handle, NativeOverlapped* overlapped);
}
