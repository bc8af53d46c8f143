using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;
using ProtocolGen.Framing;
using ProtocolGen.Streaming;

namespace ProtocolGen.Fuzz.Tests.Mutation;

/// <summary>One decoded frame with value equality, so that the three paths compare directly.</summary>
internal readonly record struct Decoded<TUnion>(long Offset, long Length, TUnion? Packet, ProtocolErrorKind? Error);

/// <summary>
/// The ways a stream can be decoded: a span; a <see cref="Stream"/> read in random sizes through
/// <see cref="PacketReader"/>'s sink and its <c>ReadAllAsync</c>, and through <see cref="PacketStreamReader{TUnion}"/>;
/// a <see cref="PipeReader"/> in random segments.
/// </summary>
internal static class DecodePaths
{
    public static List<Decoded<TUnion>> Span<TUnion>(byte[] data, List<Decoded<TUnion>> into)
        where TUnion : IPacketUnion<TUnion>
    {
        foreach (var frame in FrameDecoder.Enumerate<TUnion>(data))
        {
            into.Add(new(frame.Offset, frame.Length, frame.IsPacket ? frame.Packet : default, frame.Error?.Kind));
        }

        return into;
    }

    /// <returns>How many reads the stream answered.</returns>
    public static int Stream<TUnion>(byte[] data, Random random, List<Decoded<TUnion>> into)
        where TUnion : IPacketUnion<TUnion>
    {
        var options = new PacketReaderOptions { ReadSize = random.Next(1, 2049) };
        var stream = new RandomReadStream(data, random.Next(1, 600), random.Next());
        var task = PacketReader.ReadAsync<TUnion, ListSink<TUnion>>(stream, new ListSink<TUnion>(into), options);
        if (!task.IsCompleted)
        {
            throw new InvalidOperationException("the in-memory stream path should complete synchronously");
        }

        task.GetAwaiter().GetResult();
        return stream.Reads;
    }

    /// <returns>How many segments the data was cut into.</returns>
    public static int Pipe<TUnion>(byte[] data, Random random, List<Decoded<TUnion>> into)
        where TUnion : IPacketUnion<TUnion>
    {
        var reader = PipeReader.Create(Segments(data, random));
        var task = PacketReader.ReadAsync<TUnion, ListSink<TUnion>>(reader, new ListSink<TUnion>(into));
        task.AsTask().GetAwaiter().GetResult();
        return 1;
    }

    /// <returns>How many reads the stream answered.</returns>
    public static int StreamReader<TUnion>(byte[] data, Random random, List<Decoded<TUnion>> into)
        where TUnion : IPacketUnion<TUnion>
    {
        var options = new PacketReaderOptions { ReadSize = random.Next(1, 2049) };
        var stream = new RandomReadStream(data, random.Next(1, 600), random.Next());
        using var reader = new PacketStreamReader<TUnion>(stream, options);
        var task = reader.ReadAsync(new ListSink<TUnion>(into));
        if (!task.IsCompleted)
        {
            throw new InvalidOperationException("the in-memory PacketStreamReader path should complete synchronously");
        }

        task.GetAwaiter().GetResult();
        return stream.Reads;
    }

    /// <returns>How many reads the stream answered.</returns>
    public static int ReadAll<TUnion>(byte[] data, Random random, List<Decoded<TUnion>> into)
        where TUnion : IPacketUnion<TUnion>
    {
        var options = new PacketReaderOptions { ReadSize = random.Next(1, 2049) };
        var stream = new RandomReadStream(data, random.Next(1, 600), random.Next());
        var frames = PacketReader.ReadAllAsync<TUnion>(stream, options).GetAsyncEnumerator();
        try
        {
            while (Completed(frames.MoveNextAsync()))
            {
                var frame = frames.Current;
                into.Add(new(frame.Offset, frame.Length, frame.IsPacket ? frame.Packet : default, frame.Error?.Kind));
            }
        }
        finally
        {
            Completed(frames.DisposeAsync());
        }

        return stream.Reads;
    }

    private static bool Completed(ValueTask<bool> task) =>
        task.IsCompleted ? task.GetAwaiter().GetResult() : throw new InvalidOperationException("the in-memory ReadAllAsync path should complete synchronously");

    private static void Completed(ValueTask task)
    {
        if (!task.IsCompleted)
        {
            throw new InvalidOperationException("the in-memory ReadAllAsync path should complete synchronously");
        }

        task.GetAwaiter().GetResult();
    }

    // The data as a sequence of segments of random sizes, so frames are cut across segment ends.
    private static ReadOnlySequence<byte> Segments(byte[] data, Random random)
    {
        if (data.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        var first = new Segment(data.AsMemory(0, Math.Min(data.Length, random.Next(1, 300))), 0);
        var last = first;
        var position = first.Memory.Length;
        while (position < data.Length)
        {
            var length = Math.Min(data.Length - position, random.Next(1, 300));
            last = last.Append(data.AsMemory(position, length));
            position += length;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private readonly struct ListSink<TUnion>(List<Decoded<TUnion>> frames) : IFrameSink<TUnion>
        where TUnion : IPacketUnion<TUnion>
    {
        public void OnFrame(in FrameResult<TUnion> frame, ReadOnlySpan<byte> bytes) =>
            frames.Add(new(frame.Offset, frame.Length, frame.IsPacket ? frame.Packet : default, frame.Error?.Kind));
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }

    /// <summary>Hands out at most a random number of bytes per read, completing every read at once.</summary>
    private sealed class RandomReadStream(byte[] data, int maxChunk, int seed) : System.IO.Stream
    {
        private readonly Random _random = new(seed);
        private int _position;

        public int Reads { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var length = Math.Min(Math.Min(buffer.Length, data.Length - _position), _random.Next(1, maxChunk + 1));
            data.AsSpan(_position, length).CopyTo(buffer);
            _position += length;
            Reads++;
            return length;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
