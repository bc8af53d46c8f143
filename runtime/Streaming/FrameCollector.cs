using System;
using System.Collections.Generic;
using ProtocolGen.Framing;

namespace ProtocolGen.Streaming;

/// <summary>Gathers the frames of one piece of a stream, for the <see cref="IAsyncEnumerable{T}"/> readers to yield.</summary>
internal readonly struct FrameCollector<TUnion> : IFrameSink<TUnion>
    where TUnion : IPacketUnion<TUnion>
{
    public FrameCollector() => Frames = new List<FrameResult<TUnion>>();

    public List<FrameResult<TUnion>> Frames { get; }

    public void OnFrame(in FrameResult<TUnion> frame, ReadOnlySpan<byte> bytes) => Frames.Add(frame);
}
