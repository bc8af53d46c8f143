using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ProtocolGen.Framing;
using ProtocolGen.Internal;

namespace ProtocolGen.Streaming;

/// <summary>
/// Reads the frames of a union from a <see cref="Stream"/> or a <see cref="PipeReader"/> until the end of the
/// data: many frames per read, frames cut at any byte, each bad frame reported with its stream offset and
/// skipped, and a frame cut by the end of the data reported as <see cref="ProtocolErrorKind.Truncated"/> last.
/// </summary>
/// <remarks>
/// Two shapes. <c>ReadAllAsync</c> yields <see cref="FrameResult{TUnion}"/>s, for convenience. <c>ReadAsync</c>
/// hands each frame to a sink that is a type parameter, for hot paths: with a struct sink (such as a generated
/// union's <c>HandlerSink</c>) the reader allocates nothing per frame; what remains per frame is what decoding
/// a packet allocates (the packet record, and its arrays and strings).
/// </remarks>
public static class PacketReader
{
    /// <summary>
    /// Reads <paramref name="stream"/> to its end, handing every frame to <paramref name="sink"/>, and returns
    /// the sink (a struct sink's state is in the returned copy).
    /// </summary>
    /// <exception cref="IOException">The stream reported more bytes than the read asked for (or a negative count).</exception>
    public static ValueTask<TSink> ReadAsync<TUnion, TSink>(Stream stream, TSink sink, PacketReaderOptions options = default, CancellationToken cancellationToken = default)
        where TUnion : IPacketUnion<TUnion>
        where TSink : IFrameSink<TUnion> => ReadAsync<TUnion, NoWholeFrames<TUnion>, TSink>(stream, sink, options, cancellationToken);

    /// <summary>
    /// <see cref="ReadAsync{TUnion, TSink}(Stream, TSink, PacketReaderOptions, CancellationToken)"/>, with the
    /// union's own loop over good whole frames (for generated code: a union's <c>ReadAsync</c> passes its
    /// <c>WholeFrames</c>, so most frames are decoded by code compiled for the union).
    /// </summary>
    /// <exception cref="IOException">The stream reported more bytes than the read asked for (or a negative count).</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static async ValueTask<TSink> ReadAsync<TUnion, TFrames, TSink>(Stream stream, TSink sink, PacketReaderOptions options = default, CancellationToken cancellationToken = default)
        where TUnion : IPacketUnion<TUnion>
        where TFrames : struct, IWholeFrames<TUnion>
        where TSink : IFrameSink<TUnion>
    {
        ArgumentNullException.ThrowIfNull(stream);

        // A stream reader used once: its loop is the one read loop over a stream.
        using var reader = new PacketStreamReader<TUnion>(stream, options);
        return await reader.ReadAsync<TFrames, TSink>(sink, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads <paramref name="reader"/> until its writer completes, handing every frame to <paramref name="sink"/>,
    /// and returns the sink. Each read decodes and consumes at most 16 KiB (the rest is read again at once), all
    /// of it, so a frame larger than the pipe's pause threshold cannot stall its writer, and a writer the pipe
    /// paused is resumed while there are still frames to decode.
    /// </summary>
    public static ValueTask<TSink> ReadAsync<TUnion, TSink>(PipeReader reader, TSink sink, FrameDecoderOptions options = default, CancellationToken cancellationToken = default)
        where TUnion : IPacketUnion<TUnion>
        where TSink : IFrameSink<TUnion> => ReadAsync<TUnion, NoWholeFrames<TUnion>, TSink>(reader, sink, options, cancellationToken);

    /// <summary>
    /// <see cref="ReadAsync{TUnion, TSink}(PipeReader, TSink, FrameDecoderOptions, CancellationToken)"/>, with the
    /// union's own loop over good whole frames (for generated code: a union's <c>ReadAsync</c> passes its
    /// <c>WholeFrames</c>, so most frames are decoded by code compiled for the union).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static async ValueTask<TSink> ReadAsync<TUnion, TFrames, TSink>(PipeReader reader, TSink sink, FrameDecoderOptions options = default, CancellationToken cancellationToken = default)
        where TUnion : IPacketUnion<TUnion>
        where TFrames : struct, IWholeFrames<TUnion>
        where TSink : IFrameSink<TUnion>
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var decoder = new FrameStreamDecoder<TUnion>(options);
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var piece = FirstPiece(result.Buffer);
            FeedAll<TUnion, TFrames, TSink>(decoder, piece, ref sink);
            reader.AdvanceTo(piece.End);
            if (result.IsCompleted && piece.Length == result.Buffer.Length)
            {
                decoder.Complete<TFrames, TSink>(ref sink);
                return sink;
            }

            ThrowIfCanceled(result);
        }
    }

    /// <summary>Reads <paramref name="stream"/> to its end, yielding every frame: a packet or a typed error.</summary>
    /// <exception cref="IOException">The stream reported more bytes than the read asked for (or a negative count).</exception>
    public static async IAsyncEnumerable<FrameResult<TUnion>> ReadAllAsync<TUnion>(Stream stream, PacketReaderOptions options = default, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TUnion : IPacketUnion<TUnion>
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new PacketStreamReader<TUnion>(stream, options);
        await foreach (var frame in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return frame;
        }
    }

    /// <summary>Reads <paramref name="reader"/> until its writer completes, yielding every frame: a packet or a typed error.</summary>
    public static async IAsyncEnumerable<FrameResult<TUnion>> ReadAllAsync<TUnion>(PipeReader reader, FrameDecoderOptions options = default, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TUnion : IPacketUnion<TUnion>
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var decoder = new FrameStreamDecoder<TUnion>(options);
        var collector = new FrameCollector<TUnion>();
        var ended = false;
        while (!ended)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var piece = FirstPiece(result.Buffer);
            FeedAll<TUnion, NoWholeFrames<TUnion>, FrameCollector<TUnion>>(decoder, piece, ref collector);
            reader.AdvanceTo(piece.End);
            ended = result.IsCompleted && piece.Length == result.Buffer.Length;
            if (ended)
            {
                decoder.Complete(ref collector);
            }

            foreach (var frame in collector.Frames)
            {
                yield return frame;
            }

            collector.Frames.Clear();
            ThrowIfCanceled(result);
        }
    }

    // What one read decodes and consumes: at most MaxPieceLength bytes, all of them (a cut frame's bytes are the
    // decoder's copy), so the pipe's writer is resumed while the reader still has data to decode and neither waits
    // for the other. Consuming a whole full pipe at once would let the writer resume only once the reader has run
    // dry, and then each waits for the other thread to be woken.
    private static ReadOnlySequence<byte> FirstPiece(in ReadOnlySequence<byte> buffer) =>
        buffer.Length > MaxPieceLength ? buffer.Slice(0, MaxPieceLength) : buffer;

    // A quarter of the pipe's default pause threshold (64 KiB; it resumes its writer under 32 KiB).
    private const int MaxPieceLength = 16 * 1024;

    // A read cancelled with PipeReader.CancelPendingRead is not the end of the data: saying so would report a cut
    // frame as truncated and end a stream that goes on. The piece that read returned is decoded first; the bytes
    // after it stay in the pipe, unconsumed, for whoever reads it next.
    private static void ThrowIfCanceled(in ReadResult result)
    {
        if (result.IsCanceled && !result.IsCompleted)
        {
            throw new OperationCanceledException("The pipe's pending read was cancelled.");
        }
    }

    private static void FeedAll<TUnion, TFrames, TSink>(FrameStreamDecoder<TUnion> decoder, in ReadOnlySequence<byte> data, ref TSink sink)
        where TUnion : IPacketUnion<TUnion>
        where TFrames : struct, IWholeFrames<TUnion>
        where TSink : IFrameSink<TUnion>
    {
        if (data.IsSingleSegment)
        {
            decoder.Feed<TFrames, TSink>(data.FirstSpan, ref sink);
            return;
        }

        foreach (var segment in data)
        {
            decoder.Feed<TFrames, TSink>(segment.Span, ref sink);
        }
    }
}
