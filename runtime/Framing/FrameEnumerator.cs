using System;

namespace ProtocolGen.Framing;

/// <summary>
/// Walks a buffer that holds a whole stream of frames, yielding each packet or error in order. A bad frame
/// is skipped by its declared length, so every frame after it is still decoded.
/// </summary>
/// <typeparam name="TUnion">The union the frames belong to.</typeparam>
public unsafe ref struct FrameEnumerator<TUnion>
    where TUnion : IPacketUnion<TUnion>
{
    private readonly ReadOnlySpan<byte> _buffer;
    private readonly FrameDecoderOptions _options;

    // The decoder compiled for the union's codec, taken once: each frame is one direct call through it, where
    // shared generic code would look the union's static members up per frame.
    private readonly delegate*<ReadOnlySpan<byte>, long, bool, in FrameDecoderOptions, out FrameResult<TUnion>, bool> _decode;
    private int _position;

    internal FrameEnumerator(ReadOnlySpan<byte> buffer, FrameDecoderOptions options)
        : this(buffer, options, &FrameDecoder.TryDecode<TUnion>)
    {
    }

    internal FrameEnumerator(ReadOnlySpan<byte> buffer, FrameDecoderOptions options, delegate*<ReadOnlySpan<byte>, long, bool, in FrameDecoderOptions, out FrameResult<TUnion>, bool> decode)
    {
        _buffer = buffer;
        _options = options;
        _decode = decode;
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
        if (!_decode(_buffer.Slice(_position), _position, true, _options, out var frame))
        {
            return false;
        }

        Current = frame;
        _position = (int)Math.Min(_buffer.Length, _position + frame.Length);
        return true;
    }
}
