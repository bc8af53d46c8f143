using System;
using System.IO;

namespace ProtocolGen.Cli;

/// <summary>Tells a closed pipe (its reader went away, as <c>head</c> does) from other I/O errors.</summary>
internal static class BrokenPipe
{
    private const int Epipe = 32;
    private const int WindowsBrokenPipe = unchecked((int)0x8007006D);
    private const int WindowsNoData = unchecked((int)0x800700E8);

    /// <summary>
    /// Whether <paramref name="exception"/> says the pipe's reader closed it. On Unix .NET puts the errno in
    /// <see cref="Exception.HResult"/>; on Windows it is the Win32 error as an HRESULT.
    /// </summary>
    public static bool Is(IOException exception) => OperatingSystem.IsWindows()
        ? exception.HResult is WindowsBrokenPipe or WindowsNoData
        : exception.HResult == Epipe;
}
