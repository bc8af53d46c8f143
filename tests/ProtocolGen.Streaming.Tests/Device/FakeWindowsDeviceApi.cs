using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Win32.SafeHandles;

namespace ProtocolGen.Streaming.Tests.Device;

/// <summary>Stands in for the Win32 calls: records what the device asks for and answers as told.</summary>
internal sealed class FakeWindowsDeviceApi : IWindowsDeviceApi
{
    public (string Path, uint Access, uint Share, uint Creation, uint Flags)? Opened { get; private set; }

    public List<(uint Code, byte[] Input, int OutputLength)> Requests { get; } = new();

    public Stream Stream { get; } = new MemoryStream();

    /// <summary>What the driver writes into the output buffer, and the byte count it reports.</summary>
    public Func<uint, byte[]> Answer { get; set; } = _ => Array.Empty<byte>();

    public int? ReportedCount { get; set; }

    public SafeFileHandle CreateFile(string path, uint desiredAccess, uint shareMode, uint creationDisposition, uint flagsAndAttributes)
    {
        Opened = (path, desiredAccess, shareMode, creationDisposition, flagsAndAttributes);
        return new SafeFileHandle(IntPtr.Zero, ownsHandle: false);
    }

    public Stream OpenStream(SafeFileHandle handle) => Stream;

    public int DeviceIoControl(SafeFileHandle handle, uint code, ReadOnlySpan<byte> input, Span<byte> output)
    {
        Requests.Add((code, input.ToArray(), output.Length));
        var answer = Answer(code);
        answer.AsSpan(0, Math.Min(answer.Length, output.Length)).CopyTo(output);
        return ReportedCount ?? answer.Length;
    }
}
