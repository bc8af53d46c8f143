using System;
using System.Collections.Generic;
using System.IO.Pipelines;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ProtocolGen.Portmaster;
using ProtocolGen.Streaming.Tests.Support;
using Xunit;

namespace ProtocolGen.Streaming.Tests.Reading;

/// <summary>
/// A pipe holding more than 16 KiB is read in pieces of at most 16 KiB, each consumed whole before the next is
/// decoded, so a writer the pipe paused is resumed while frames remain to be decoded, instead of both sides waiting
/// for the other thread in turn. Every frame is still delivered once, in order, with the rest of the data completed.
/// </summary>
public sealed class PipePieceTests
{
    private static readonly byte[] Data = Enumerable.Range(0, 3000)
        .SelectMany(i => Info.EncodeFrame(new LogLine(Severity.Info, "line number " + i))).ToArray();

    [Fact]
    public async Task TheHandlerLoop_ConsumesAFullPipeInPiecesOfAtMost16KiB_AndDeliversEveryFrame()
    {
        var reader = await FullPipe();

        var handler = await Info.ReadAsync(reader, new RecordingHandler());

        Assert.Equal(3000, handler.Events.Count);
        Assert.Equal(Data.Length, reader.Consumed.Sum());
        Assert.All(reader.Consumed, consumed => Assert.InRange(consumed, 1, 16 * 1024));
    }

    [Fact]
    public async Task TheEnumerableLoop_ConsumesAFullPipeInPiecesOfAtMost16KiB_AndDeliversEveryFrame()
    {
        var reader = await FullPipe();

        var frames = 0;
        await foreach (var frame in PacketReader.ReadAllAsync<Info>(reader))
        {
            Assert.True(frame.IsPacket);
            frames++;
        }

        Assert.Equal(3000, frames);
        Assert.Equal(Data.Length, reader.Consumed.Sum());
        Assert.All(reader.Consumed, consumed => Assert.InRange(consumed, 1, 16 * 1024));
    }

    [Fact]
    public async Task ACancelledRead_DecodesItsPiece_AndLeavesTheBytesAfterItInThePipe()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        await pipe.Writer.WriteAsync(Data);
        var reader = new MeasuringReader(pipe.Reader);
        reader.CancelPendingRead();

        await Assert.ThrowsAsync<OperationCanceledException>(async () => await Info.ReadAsync(reader, new RecordingHandler()));

        var consumed = Assert.Single(reader.Consumed);
        Assert.InRange(consumed, 1, 16 * 1024);
        Assert.True(pipe.Reader.TryRead(out var rest));
        Assert.Equal(Data.Length - consumed, rest.Buffer.Length);
    }

    // The whole stream written and the writer completed before the first read: the first read sees all of it.
    private static async Task<MeasuringReader> FullPipe()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        await pipe.Writer.WriteAsync(Data);
        await pipe.Writer.CompleteAsync();
        return new MeasuringReader(pipe.Reader);
    }

    /// <summary>Writes down how many bytes each <c>AdvanceTo</c> consumes.</summary>
    private sealed class MeasuringReader(PipeReader inner) : PipeReader
    {
        private ReadResult _last;

        public List<long> Consumed { get; } = new();

        public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
        {
            var length = _last.Buffer.Slice(0, consumed).Length;
            Consumed.Add(length);
            inner.AdvanceTo(consumed, examined);
        }

        public override void CancelPendingRead() => inner.CancelPendingRead();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default) =>
            _last = await inner.ReadAsync(cancellationToken);

        public override bool TryRead(out ReadResult result)
        {
            var read = inner.TryRead(out result);
            _last = result;
            return read;
        }
    }
}
