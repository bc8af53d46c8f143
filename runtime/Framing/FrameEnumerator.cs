using System;
using ProtocolGen.Internal;

namespace ProtocolGen.Framing;

/// <summary>
/// Walks a buffer that holds a whole stream of frames, yielding each packet or error in order. A bad frame
/// is skipped by its declared length, so every frame after it is still decoded.
/// </summary>
/// <remarks>
/// Code generic over the union. A generated union's own <c>DecodeFrames</c> returns its nested
/// <c>FrameEnumerator</c>, the same walk compiled for that union, with no shared generic code per frame.
/// </remarks>
/// <typeparam name="TUnion">The union the frames belong to.</typeparam>
public ref struct FrameEnumerator<TUnion>
    where TUnion : IPacketUnion<TUnion>
{
    private readonly ReadOnlySpan<byte> _buffer;
    private readonly FrameDecoderOptions _options;
    private int _position;

    internal FrameEnumerator(ReadOnlySpan<byte> buffer, FrameDecoderOptions options)
    {
        _buffer = buffer;
        _options = options;
        _position = 0;
        Current = default;
    }

    /// <summary>The frame at the current position.</summary>
    public FrameResult<TUnion> Current { get; private set; }

    /// <summary>Returns this enumerator, for <c>foreach</c>.</summary>
    public readonly FrameEnumerator<TUnion> GetEnumerator() => this;

    /// <summary>Decodes the next frame; false at the end of the buffer.</summary>
    public bool MoveNext()
    {
        if (!FrameDecoder.TryDecode<TUnion>(_buffer.Slice(_position), _position, true, _options, out var frame))
        {
            return false;
        }

        Current = frame;
        _position = FrameBody.Next(_position, _buffer.Length, frame.Length);
        return true;
    }
}
