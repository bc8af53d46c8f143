using System.Diagnostics.CodeAnalysis;

namespace ProtocolGen.Framing;

/// <summary>One decoded frame: a packet, or the error that took its place.</summary>
/// <typeparam name="TUnion">The union the frame belongs to.</typeparam>
public readonly struct FrameResult<TUnion>
    where TUnion : IPacketUnion<TUnion>
{
    /// <summary>A frame's result, for generated decoders; a decoded frame comes from <see cref="FrameDecoder"/> or a union's <c>DecodeFrames</c>.</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public FrameResult(TUnion? packet, ProtocolError? error, long offset, long length, int trailingLength = 0)
    {
        Packet = packet;
        Error = error;
        Offset = offset;
        Length = length;
        TrailingLength = trailingLength;
    }

    /// <summary>The packet, when the frame was good.</summary>
    public TUnion? Packet { get; }

    /// <summary>What was wrong, when the frame was bad.</summary>
    public ProtocolError? Error { get; }

    /// <summary>Where the frame starts in the stream or buffer.</summary>
    public long Offset { get; }

    /// <summary>How many bytes the frame occupies, header included.</summary>
    public long Length { get; }

    /// <summary>
    /// How many bytes at the end of a good frame came after the packet's fields and were skipped (a newer peer's
    /// appended fields); 0 when the fields filled the frame, and always 0 for frames without a length.
    /// </summary>
    public int TrailingLength { get; }

    /// <summary>Whether the frame held a packet.</summary>
    [MemberNotNullWhen(true, nameof(Packet))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsPacket => Error is null;
}
