using System;
using ProtocolGen.Framing;

namespace ProtocolGen.Cli.Decode;

/// <summary>Prints decoded frames in one output format; disposing it flushes and closes its output.</summary>
/// <typeparam name="TUnion">The union the frames belong to.</typeparam>
internal interface IFrameWriter<TUnion> : IDisposable
    where TUnion : IPacketUnion<TUnion>
{
    /// <summary>Prints one frame: its packet, or its error; <paramref name="bytes"/> is the frame as it arrived.</summary>
    void Write(in FrameResult<TUnion> frame, ReadOnlySpan<byte> bytes);
}
