using System;
using ProtocolGen.Framing;
using ProtocolGen.Streaming;

namespace ProtocolGen.Cli.Decode;

/// <summary>Prints and counts every frame the stream decoder hands over, bad ones included.</summary>
/// <typeparam name="TUnion">The union the frames belong to.</typeparam>
internal readonly struct PrintingSink<TUnion> : IFrameSink<TUnion>
    where TUnion : IPacketUnion<TUnion>
{
    private readonly IFrameWriter<TUnion> _writer;
    private readonly DecodeSummary _summary;

    public PrintingSink(IFrameWriter<TUnion> writer, DecodeSummary summary)
    {
        _writer = writer;
        _summary = summary;
    }

    public void OnFrame(in FrameResult<TUnion> frame, ReadOnlySpan<byte> bytes)
    {
        _writer.Write(frame, bytes);
        _summary.Add(frame);
    }
}
