using System;
using System.ComponentModel;
using ProtocolGen.Framing;
using ProtocolGen.Streaming;

// For generated code; not a stable API (see Internal/NamespaceDoc.cs).
namespace ProtocolGen.Internal;

/// <summary>
/// A union's loop over the good whole frames at the start of a buffer, for the stream decoder: each generated union
/// emits one (<c>WholeFrames</c>, nested in it), a struct, so the loop runs as code compiled for that union with its
/// type switch inlined, where the decoder, generic over a class union, would run shared code that looks up the
/// union's decoder on every frame. It takes only the good case of the framing rules (<see cref="FrameBody.TryOpenWhole"/>
/// and <see cref="FrameBody.IsWholePacket"/>); it stops at the first frame that is not a whole good packet (cut by
/// the end of the buffer, bad, or at the end), and the decoder reads that one with the full steps, which make its error.
/// </summary>
/// <typeparam name="TUnion">The union.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IWholeFrames<TUnion>
    where TUnion : IPacketUnion<TUnion>
{
    /// <summary>
    /// Hands <paramref name="sink"/> each good whole frame at the start of <paramref name="buffer"/>, in order, and
    /// returns how many bytes they take; <paramref name="offset"/> is the buffer's position in the stream.
    /// </summary>
    int DecodeWhole<TSink>(ReadOnlySpan<byte> buffer, long offset, in FrameDecoderOptions options, ref TSink sink)
        where TSink : IFrameSink<TUnion>;
}

/// <summary>The loop of a union that has none of its own: it takes no frame, so the decoder reads each with the full steps.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct NoWholeFrames<TUnion> : IWholeFrames<TUnion>
    where TUnion : IPacketUnion<TUnion>
{
    /// <inheritdoc/>
    public int DecodeWhole<TSink>(ReadOnlySpan<byte> buffer, long offset, in FrameDecoderOptions options, ref TSink sink)
        where TSink : IFrameSink<TUnion> => 0;
}
