using System;
using ProtocolGen.Framing;
using ProtocolGen.Streaming;
using System.ComponentModel;

// For generated code; not a stable API (see Internal/NamespaceDoc.cs).
namespace ProtocolGen.Internal;

/// <summary>
/// Hands every frame of a buffer that holds a whole stream to a sink, as <see cref="PacketReader"/> does for a
/// stream or a pipe, without allocating: the frames are decoded in place by <see cref="FrameDecoder"/>, a bad frame
/// is reported and skipped, and a frame cut by the end of the buffer is <see cref="ProtocolErrorKind.Truncated"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FrameBufferReader
{
    /// <summary>Hands every frame of <paramref name="buffer"/> to <paramref name="sink"/>, in order.</summary>
    public static void Read<TUnion, TSink>(ReadOnlySpan<byte> buffer, ref TSink sink, FrameDecoderOptions options = default)
        where TUnion : IPacketUnion<TUnion>
        where TSink : IFrameSink<TUnion>
    {
        var position = 0;
        while (FrameDecoder.TryDecode<TUnion>(buffer.Slice(position), position, isFinalBlock: true, options, out var frame))
        {
            // A frame over the cap can declare more than the buffer holds: the sink gets the part in hand.
            var length = (int)Math.Min(frame.Length, buffer.Length - position);
            sink.OnFrame(frame, buffer.Slice(position, length));
            position += length;
        }
    }
}
