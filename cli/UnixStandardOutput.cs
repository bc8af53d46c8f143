using System;
using System.IO;
using System.Runtime.InteropServices;

namespace ProtocolGen.Cli;

/// <summary>
/// Standard output on Unix, written with write(2) at the descriptor's shared file offset.
/// </summary>
/// <remarks>
/// A <see cref="FileStream"/> over descriptor 1 keeps its own position in a regular file and writes with
/// pwrite(2) there, so when a shell points standard error at the same file (<c>&gt; f 2&gt;&amp;1</c>) the two
/// streams overwrite each other. write(2) advances the one offset both descriptors share, as every Unix tool
/// does. The console's own stream writes that way too but swallows EPIPE, so 'decode big.bin | head' would
/// decode to the end for nobody; this one reports the closed pipe (see <see cref="BrokenPipe"/>). A descriptor
/// inherited in non-blocking mode (a parent's O_NONBLOCK pipe) makes write(2) fail with EAGAIN when the reader
/// lags; this stream then waits in poll(2) until the descriptor takes bytes again, so no byte is dropped.
/// </remarks>
internal sealed partial class UnixStandardOutput(int descriptor = 1) : Stream
{
    private const int Eintr = 4;
    private const short PollOut = 4;

    // EAGAIN (= EWOULDBLOCK) is 35 on macOS, iOS and FreeBSD, 11 on Linux and illumos.
    private static readonly int Eagain = OperatingSystem.IsMacOS() || OperatingSystem.IsIOS() || OperatingSystem.IsFreeBSD() ? 35 : 11;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override unsafe void Write(ReadOnlySpan<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            var written = 0;
            while (written < buffer.Length)
            {
                var result = SystemWrite(descriptor, start + written, buffer.Length - written);
                if (result < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == Eintr)
                    {
                        continue;
                    }

                    if (errno == Eagain)
                    {
                        WaitUntilWritable();
                        continue;
                    }

                    // HResult carries the errno, as .NET's own Unix streams do, so BrokenPipe can tell EPIPE.
                    throw new IOException($"cannot write to standard output (errno {errno})", errno);
                }

                written += (int)result;
            }
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    private unsafe void WaitUntilWritable()
    {
        var poll = new PollDescriptor { Descriptor = descriptor, Events = PollOut };
        while (SystemPoll(&poll, 1, -1) < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno != Eintr)
            {
                throw new IOException($"cannot wait for standard output (errno {errno})", errno);
            }
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint SystemWrite(int descriptor, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static unsafe partial int SystemPoll(PollDescriptor* descriptors, nuint count, int timeoutMilliseconds);

    // struct pollfd: POLLERR or POLLHUP in revents end the wait too; the next write then reports them (EPIPE).
    [StructLayout(LayoutKind.Sequential)]
    private struct PollDescriptor
    {
        public int Descriptor;
        public short Events;
        public short ReturnedEvents;
    }
}
