using System;
using ProtocolGen.Framing;

namespace ProtocolGen.Streaming;

/// <summary>
/// Receives the frames a <see cref="FrameStreamDecoder{TUnion}"/> decodes. Readers are generic over the sink,
/// so a struct sink is called directly: nothing is boxed and no delegate is involved. Generated unions
/// provide one (<c>HandlerSink&lt;THandler&gt;</c>) that routes each packet kind to its own handler method.
/// </summary>
/// <typeparam name="TUnion">The union the frames belong to.</typeparam>
public interface IFrameSink<TUnion>
    where TUnion : IPacketUnion<TUnion>
{
    /// <summary>
    /// A decoded packet, or the error that took a bad frame's place (the frame is already skipped), in stream
    /// order. <paramref name="bytes"/> is the frame as it arrived, header included, and is valid only during the
    /// call: with it a sink can keep a frame the decoder could not read (an unknown type from a newer peer, say)
    /// or bytes a newer peer appended after the fields this version knows. Of a frame over the cap
    /// (<see cref="ProtocolErrorKind.FrameTooLarge"/>), whose bytes are never held, it is only the part in hand.
    /// </summary>
    void OnFrame(in FrameResult<TUnion> frame, ReadOnlySpan<byte> bytes);
}
