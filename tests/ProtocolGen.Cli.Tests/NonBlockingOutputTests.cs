using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace ProtocolGen.Cli.Tests;

/// <summary>Process-wide descriptors and timing: kept out of parallel runs so load cannot starve the reader.</summary>
[CollectionDefinition(nameof(NonBlockingOutputTests), DisableParallelization = true)]
public sealed class NonBlockingOutputCollection;

[Collection(nameof(NonBlockingOutputTests))]
public sealed partial class NonBlockingOutputTests
{
    private const int SetFlags = 4;      // F_SETFL
    private const int GetFlags = 3;      // F_GETFL

    [Fact]
    public async Task StandardOutput_OnANonBlockingPipe_WithASlowReader_DeliversEveryByteInOrder()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var descriptors = new int[2];
        Assert.Equal(0, Pipe(descriptors));
        var (readEnd, writeEnd) = (descriptors[0], descriptors[1]);
        var nonBlocking = OperatingSystem.IsLinux() ? 0x800 : 0x4;   // O_NONBLOCK
        Assert.Equal(0, Fcntl(writeEnd, SetFlags, Fcntl(writeEnd, GetFlags, 0) | nonBlocking));

        // Four times a Linux pipe's 64 KiB buffer, so write(2) must meet EAGAIN while the reader sleeps.
        var sent = Enumerable.Range(0, 256 * 1024).Select(i => (byte)(i * 31 + (i >> 8))).ToArray();
        var received = new MemoryStream();
        var reader = Task.Run(() =>
        {
            using var input = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(readEnd, ownsHandle: true), FileAccess.Read, 1);
            var chunk = new byte[4096];
            int read;
            while ((read = input.Read(chunk)) > 0)
            {
                received.Write(chunk, 0, read);
                Thread.Sleep(1);
            }
        });

        try
        {
            new UnixStandardOutput(writeEnd).Write(sent);
        }
        finally
        {
            // Closing the write end ends the reader, also when the write failed.
            Assert.Equal(0, Close(writeEnd));
        }

        await reader.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(sent, received.ToArray());
    }

    [LibraryImport("libc", EntryPoint = "pipe", SetLastError = true)]
    private static partial int Pipe([Out] int[] descriptors);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int descriptor, int command, int argument);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
