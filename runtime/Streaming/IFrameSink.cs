using System;

namespace ProtocolGen;

/// <summary>
/// Receives the frames a <see cref="FrameStreamDecoder{TUnion}"/> decodes. Readers are generic over the sink,
/// so a struct sink is called directly: nothing is boxed and no delegate is involved. Generated unions
/// provide one (<c>HandlerSink&lt;THandler&gt;</c>) that routes each packet kind to its own handler method.
/// </summary>
/// <typeparam name="TUnion">The union the frames belong to.</typeparam>
public interface IFrameSink<TUnion>
    where TUnion : IPacketUnion<TUnion>
{
    /// <summary>A decoded packet, or the error that took a bad frame's place (the frame is already skipped).</summary>
    void OnFrame(in FrameResult<TUnion> frame);

    /// <summary>
    /// A whole frame whose type byte names no packet of the union (<paramref name="frame"/> holds the
    /// <see cref="ProtocolErrorKind.UnknownType"/> error). <paramref name="body"/> is valid only during the call.
    /// </summary>
    void OnUnknownFrame(in FrameResult<TUnion> frame, byte packetType, ReadOnlySpan<byte> body);
}
