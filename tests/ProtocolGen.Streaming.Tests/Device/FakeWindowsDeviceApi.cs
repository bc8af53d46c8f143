using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Win32.SafeHandles;

namespace ProtocolGen.Streaming.Tests.Device;

/// <summary>Stands in for the Win32 calls: records what the device asks for and answers as told.</summary>
internal sealed class FakeWindowsDeviceApi : IWindowsDeviceApi
{
    public (string Path, uint Access, uint Share, uint Creation, uint Flags)? Opened { get; private set; }

    public List<(uint Code, byte[] Input, int OutputLength)> Requests { get; } = new();

    /// <summary>Each WriteFile call's bytes.</summary>
    public List<byte[]> Writes { get; } = new();

    /// <summary>What successive ReadFile calls return; once empty, end of file.</summary>
    public Queue<byte[]> Reads { get; } = new();

    /// <summary>The sizes of the buffers ReadFile was given.</summary>
    public List<int> ReadSizes { get; } = new();

    /// <summary>How many bytes WriteFile reports taken, given the write's length.</summary>
    public Func<int, int> Taken { get; set; } = length => length;

    /// <summary>What the driver writes into the output buffer, and the byte count it reports.</summary>
    public Func<uint, byte[]> Answer { get; set; } = _ => Array.Empty<byte>();

    public int? ReportedCount { get; set; }

    public SafeFileHandle CreateFile(string path, uint desiredAccess, uint shareMode, uint creationDisposition, uint flagsAndAttributes)
    {
        Opened = (path, desiredAccess, shareMode, creationDisposition, flagsAndAttributes);
        return new SafeFileHandle(IntPtr.Zero, ownsHandle: false);
    }

    public ValueTask<int> ReadFileAsync(SafeFileHandle handle, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        ReadSizes.Add(buffer.Length);
        if (!Reads.TryDequeue(out var data))
        {
            return ValueTask.FromResult(0);
        }

        data.CopyTo(buffer);
        return ValueTask.FromResult(data.Length);
    }

    public ValueTask<int> WriteFileAsync(SafeFileHandle handle, ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        Writes.Add(buffer.ToArray());
        return ValueTask.FromResult(Taken(buffer.Length));
    }

    public int DeviceIoControl(SafeFileHandle handle, uint code, ReadOnlySpan<byte> input, Span<byte> output)
    {
        Requests.Add((code, input.ToArray(), output.Length));
        var answer = Answer(code);
        answer.AsSpan(0, Math.Min(answer.Length, output.Length)).CopyTo(output);
        return ReportedCount ?? answer.Length;
    }
}
