using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ProtocolGen.Devices;
using ProtocolGen.Framing;
using ProtocolGen.Portmaster;
using Xunit;

// The device is Windows-only; these tests drive its overlapped paths through a fake kernel32, which runs anywhere.
#pragma warning disable CA1416

// Reads whose byte count does not matter (they are expected to fail) are awaited without looking at it.
#pragma warning disable CA2022

namespace ProtocolGen.Streaming.Tests.Device;

/// <summary>
/// The overlapped request paths of <see cref="WindowsDevice"/>: whatever way a request ends, its OVERLAPPED is
/// freed exactly once and only after the kernel is done with it, and the handle is released last.
/// </summary>
public sealed class OverlappedIoTests
{
    private const int ErrorHandleEof = 38;
    private const int ErrorGenFailure = 31;
    private const int ErrorBrokenPipe = 109;
    private const int ErrorMoreData = 234;

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ARequestDoneAtOnce_EndsWithItsCompletion_AndFreesItsOverlapped()
    {
        var kernel = new FakeKernel32();
        kernel.Reads.Enqueue(new byte[] { 1, 2, 3 });
        var device = new WindowsDevice(kernel, PortmasterDevice.Path);
        var buffer = new byte[16];

        Assert.Equal(3, await device.Stream.ReadAsync(buffer).AsTask().WaitAsync(Limit));

        Assert.Equal(new byte[] { 1, 2, 3 }, buffer[..3]);
        Assert.Equal(0, kernel.Binding!.Live);
    }

    [Fact]
    public async Task APendingRead_EndsWhenTheKernelCompletesIt_AndKeepsItsOverlappedUntilThen()
    {
        var kernel = new FakeKernel32();
        kernel.Answer = kernel.Pend;
        var device = new WindowsDevice(kernel, PortmasterDevice.Path);
        var buffer = new byte[16];

        var read = device.Stream.ReadAsync(buffer).AsTask();
        Assert.False(read.IsCompleted);
        Assert.Equal(1, kernel.Binding!.Live);
        kernel.CompleteRead(kernel.Pending[0], new byte[] { 9, 8 });

        Assert.Equal(2, await read.WaitAsync(Limit));
        Assert.Equal(new byte[] { 9, 8 }, buffer[..2]);
        Assert.Equal(0, kernel.Binding.Live);
    }

    [Fact]
    public async Task ARequestThatFailsAtOnce_IsAnIOException_WithNoCompletion_AndFreesItsOverlapped()
    {
        var kernel = new FakeKernel32();
        kernel.Answer = _ => ErrorGenFailure;
        var device = new WindowsDevice(kernel, PortmasterDevice.Path);

        var error = await Assert.ThrowsAsync<IOException>(async () => await device.Stream.ReadAsync(new byte[4]));

        Assert.Equal(ErrorGenFailure, Assert.IsType<System.ComponentModel.Win32Exception>(error.InnerException).NativeErrorCode);
        Assert.Equal(0, kernel.Binding!.Live);
    }

    [Fact]
    public async Task AControlRequestWhoseAnswerDoesNotFit_EndsOnceOnItsCompletion_AsAnIOException()
    {
        var kernel = new FakeKernel32();
        kernel.Answer = request => kernel.Warn(request, ErrorMoreData);
        var device = new WindowsDevice(kernel, PortmasterDevice.Path);

        var error = await Assert.ThrowsAsync<IOException>(async () => await device.IoControlAsync(PortmasterDevice.VersionCode, ReadOnlyMemory<byte>.Empty, new byte[2]).AsTask().WaitAsync(Limit));

        Assert.Equal(ErrorMoreData, Assert.IsType<System.ComponentModel.Win32Exception>(error.InnerException).NativeErrorCode);
        Assert.Equal(0, kernel.Binding!.Live);
    }

    [Fact]
    public async Task EndOfFile_IsAZeroByteRead_WhetherAtOnceOrOnCompletion()
    {
        var kernel = new FakeKernel32();
        var device = new WindowsDevice(kernel, PortmasterDevice.Path);

        kernel.Answer = _ => ErrorHandleEof;
        Assert.Equal(0, await device.Stream.ReadAsync(new byte[4]));
        kernel.Answer = kernel.Pend;
        var read = device.Stream.ReadAsync(new byte[4]).AsTask();
        kernel.Complete(kernel.Pending[0], ErrorHandleEof, 0);

        Assert.Equal(0, await read.WaitAsync(Limit));
    }

    [Fact]
    public async Task ABrokenPipe_IsAnIOException_NotEndOfFile()
    {
        var kernel = new FakeKernel32();
        kernel.Answer = kernel.Pend;
        var device = new WindowsDevice(kernel, PortmasterDevice.Path);

        var read = device.Stream.ReadAsync(new byte[4]).AsTask();
        kernel.Complete(kernel.Pending[0], ErrorBrokenPipe, 0);

        await Assert.ThrowsAsync<IOException>(() => read.WaitAsync(Limit));
    }

    [Fact]
    public async Task CancellingThePendingRead_CancelsItsRequest_AndEndsItAsCancelled()
    {
        var kernel = new FakeKernel32();
        kernel.Answer = kernel.Pend;
        var device = new WindowsDevice(kernel, PortmasterDevice.Path);
        using var cancel = new CancellationTokenSource();

        var read = device.Stream.ReadAsync(new byte[4], cancel.Token).AsTask();
        cancel.Cancel();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(Limit));
        Assert.Equal(cancel.Token, error.CancellationToken);
        Assert.Same(kernel.Requests[0], Assert.Single(kernel.Cancels).Request);
        Assert.Equal(0, kernel.Binding!.Live);
    }

    [Fact]
    public async Task ACancellationThatComesWhileTheRequestIsBeingIssued_IsPassedOnOnceItExists()
    {
        var kernel = new FakeKernel32();
        using var cancel = new CancellationTokenSource();
        kernel.Answer = request =>
        {
            cancel.Cancel(); // before the call returns: the request is not pending yet, so there is nothing to cancel
            return kernel.Pend(request);
        };
        var device = new WindowsDevice(kernel, PortmasterDevice.Path);

        var read = device.Stream.ReadAsync(new byte[4], cancel.Token).AsTask();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(Limit));
        Assert.Empty(kernel.Pending);
        Assert.Equal(0, kernel.Binding!.Live);
    }

    [Fact]
    public async Task ATokenCancelledBeforehand_IssuesNothing()
    {
        var kernel = new FakeKernel32();
        var device = new WindowsDevice(kernel, PortmasterDevice.Path);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await device.Stream.ReadAsync(new byte[4], new CancellationToken(canceled: true)));

        Assert.Empty(kernel.Requests);
    }

    [Fact]
    public async Task DisposingWhileARequestIsPending_CancelsEveryRequestFirst_AndReleasesTheHandleOnlyOnceTheyEnd()
    {
        var kernel = new FakeKernel32();
        var device = new WindowsDevice(kernel, PortmasterDevice.Path);
        kernel.Answer = kernel.Pend;
        var read = device.Stream.ReadAsync(new byte[4]).AsTask();
        var control = device.IoControlAsync(PortmasterDevice.VersionCode, default, new byte[4]).AsTask();
        var pending = kernel.Pending;

        // The kernel takes its time to end cancelled requests: meanwhile the handle must stay referenced.
        kernel.HoldCancellations = true;
        await device.DisposeAsync();

        Assert.Equal((null, true), Assert.Single(kernel.Cancels));
        Assert.True(kernel.Handle!.Disposed);
        Assert.False(kernel.Handle.Released);
        Assert.True(kernel.Binding!.Disposed);
        Assert.Equal(2, kernel.Binding.Live);
        kernel.EndHeldCancellations();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(Limit));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => control.WaitAsync(Limit));
        Assert.True(kernel.Handle.Released);
        Assert.Equal(0, kernel.Binding.Live);
        Assert.Equal(2, pending.Count);
    }

    [Fact]
    public async Task AControlRequest_IsOverlapped_PendingUntilTheDriverAnswers_AndCancellable()
    {
        var kernel = new FakeKernel32();
        kernel.Answer = kernel.Pend;
        var device = new WindowsDevice(kernel, PortmasterDevice.Path);
        using var cancel = new CancellationTokenSource();
        var output = new byte[4];

        var answered = device.IoControlAsync(PortmasterDevice.VersionCode, new byte[] { 7 }, output).AsTask();
        var cancelled = device.IoControlAsync(PortmasterDevice.ShutdownCode, default, default, cancel.Token).AsTask();
        Assert.False(answered.IsCompleted);
        new byte[] { 2, 1, 0, 0 }.CopyTo(kernel.Pending[0].Buffer);
        kernel.Complete(kernel.Pending[0], 0, 4);
        cancel.Cancel();

        Assert.Equal(4, await answered.WaitAsync(Limit));
        Assert.Equal(new byte[] { 2, 1, 0, 0 }, output);
        Assert.Equal(new byte[] { 7 }, kernel.Requests[0].Input);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Limit));
        Assert.Equal(0, kernel.Binding!.Live);
    }

    [Fact]
    public async Task ARequestThatThrowsWhileBeingIssued_FreesItsOverlappedAndReleasesTheHandle()
    {
        var kernel = new FakeKernel32();
        kernel.Answer = _ => throw new ObjectDisposedException("handle", "closed between the check and the call");
        var device = new WindowsDevice(kernel, PortmasterDevice.Path);

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await device.Stream.ReadAsync(new byte[4]));
        Assert.Equal(0, kernel.Binding!.Live);
        await device.DisposeAsync();

        Assert.True(kernel.Handle!.Released);
    }

    [Fact]
    public async Task CancellingAfterTheDeviceIsDisposed_ThrowsNothing()
    {
        var kernel = new FakeKernel32();
        kernel.Answer = kernel.Pend;
        var device = new WindowsDevice(kernel, PortmasterDevice.Path);
        using var cancel = new CancellationTokenSource();
        var read = device.Stream.ReadAsync(new byte[4], cancel.Token).AsTask();

        await device.DisposeAsync();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(Limit));
    }

    [Theory]
    [InlineData("read", 5)]
    [InlineData("read", 1 << 20)]
    [InlineData("write", 5)]
    [InlineData("control", 5)]
    public async Task ACompletionThatReportsMoreBytesThanItsBuffer_IsAnIOException_NamingTheCountAndTheBuffer(string kind, int reported)
    {
        var kernel = new FakeKernel32();
        kernel.Answer = request => kernel.Done(request, reported);
        var device = new WindowsDevice(kernel, PortmasterDevice.Path);
        var buffer = new byte[4];

        var error = await Assert.ThrowsAsync<IOException>(async () => await (kind switch
        {
            "read" => device.Stream.ReadAsync(buffer).AsTask(),
            "write" => device.Stream.WriteAsync(buffer).AsTask().ContinueWith(t => { t.GetAwaiter().GetResult(); return 0; }, TaskScheduler.Default),
            _ => device.IoControlAsync(PortmasterDevice.VersionCode, ReadOnlyMemory<byte>.Empty, buffer).AsTask(),
        }).WaitAsync(Limit));

        Assert.Contains($"reported {reported} bytes for a buffer of 4 bytes", error.Message);
        Assert.Equal(0, kernel.Binding!.Live);
    }

    [Fact]
    public async Task AReadOneByteTooLong_BelowThePooledArraysLength_NeverFeedsAStaleByte()
    {
        // The client's reader asks for 100 bytes in an array the pool rounds up to 128: a count of 101 would fit
        // the array, feed the byte left there by the previous read, and cost the next frame.
        var kernel = new FakeKernel32();
        var frame = FrameEncoder.ToArray<Info>(new LogLine(Severity.Info, "hello"));
        kernel.Answer = request =>
        {
            frame.CopyTo(request.Buffer);
            return kernel.Done(request, request.Length + 1);
        };
        var device = new WindowsDevice(kernel, PortmasterDevice.Path);
        using var reader = new PacketStreamReader<Info>(device.Stream, new PacketReaderOptions { ReadSize = 100 });

        var error = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var item in reader.ReadAllAsync().WithCancellation(default))
            {
                Assert.Fail("no frame can come of a read whose count is wrong");
            }
        });

        Assert.Contains("reported 101 bytes for a buffer of 100 bytes", error.Message);
    }

    [Fact]
    public void WhenBindingTheHandleFails_TheHandleIsClosed()
    {
        var kernel = new FakeKernel32 { BindThrows = true };

        Assert.Throws<InvalidOperationException>(() => new WindowsDevice(kernel, PortmasterDevice.Path));

        Assert.True(kernel.Handle!.Released);
    }
}
