using System;
using System.IO.Pipelines;
using System.Threading.Tasks;
using ProtocolGen.Portmaster;
using ProtocolGen.Streaming.Tests.Support;
using Xunit;

namespace ProtocolGen.Streaming.Tests.Reading;

/// <summary>A pipe read cancelled with CancelPendingRead is a cancellation, not the end of the data.</summary>
public sealed class PipeCancellationTests
{
    [Fact]
    public async Task TheHandlerApi_ThrowsOperationCanceled_AndReportsNoTruncatedFrame()
    {
        var pipe = new Pipe();
        var frame = Info.EncodeFrame(Frames.Connection(1));
        await pipe.Writer.WriteAsync(frame.AsMemory(0, 10));
        var reading = Info.ReadAsync(pipe.Reader, new RecordingHandler()).AsTask();

        pipe.Reader.CancelPendingRead();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task TheEnumerableApi_YieldsTheFramesBeforeIt_ThenThrowsOperationCanceled()
    {
        var pipe = new Pipe();
        var whole = Info.EncodeFrame(Frames.Connection(1));
        var cut = Info.EncodeFrame(Frames.Connection(2));
        await pipe.Writer.WriteAsync(Frames.Concat(new[] { whole, cut[..10] }));
        await using var frames = PacketReader.ReadAllAsync<Info>(pipe.Reader).GetAsyncEnumerator();

        Assert.True(await frames.MoveNextAsync());
        Assert.Equal(Frames.Connection(1), frames.Current.Packet);
        var next = frames.MoveNextAsync();
        pipe.Reader.CancelPendingRead();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await next);
    }
}
