using System;
using ProtocolGen.Framing;

namespace ProtocolGen.Streaming;

/// <summary>How a <see cref="PacketReader"/> reads. <c>default</c> reads 16 KiB at a time with the default decoder options.</summary>
public readonly record struct PacketReaderOptions
{
    /// <summary>The default number of bytes asked for by each read of a <see cref="System.IO.Stream"/>.</summary>
    public const int DefaultReadSize = 16 * 1024;

    // Zero stands for the default, so that default(PacketReaderOptions) is usable as it is.
    private readonly int _readSize;

    /// <summary>
    /// The most bytes each read of a stream asks for (the upstream Portmaster client reads 1,024). Frames may
    /// be larger: a cut frame is assembled across reads.
    /// </summary>
    public int ReadSize
    {
        get => _readSize == 0 ? DefaultReadSize : _readSize;
        init => _readSize = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A read must ask for at least 1 byte.");
    }

    /// <summary>The cap on frame lengths and the strictness of decoding.</summary>
    public FrameDecoderOptions Decoder { get; init; }
}
