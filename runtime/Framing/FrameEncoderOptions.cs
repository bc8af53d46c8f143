using System;

namespace ProtocolGen.Framing;

/// <summary>What an encoder refuses. <c>default</c> refuses exactly what a default decoder refuses.</summary>
public readonly record struct FrameEncoderOptions
{
    // Zero stands for the default, so that default(FrameEncoderOptions) is usable as it is.
    private readonly int _maxBodyLength;

    /// <summary>
    /// The largest body written, from 1 to <see cref="FrameDecoderOptions.LargestMaxBodyLength"/>; a larger one is
    /// refused with <see cref="WireEncodeException"/> before any byte is written. The default is the decoders'
    /// default cap (<see cref="FrameDecoderOptions.DefaultMaxBodyLength"/>), so an encoder never writes a frame that
    /// a default decoder reports as <see cref="ProtocolErrorKind.FrameTooLarge"/>; raise it only for a peer whose
    /// decoder is configured to accept more.
    /// </summary>
    public int MaxBodyLength
    {
        get => _maxBodyLength == 0 ? FrameDecoderOptions.DefaultMaxBodyLength : _maxBodyLength;
        init => _maxBodyLength = value is > 0 and <= FrameDecoderOptions.LargestMaxBodyLength
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"The cap must be from 1 to {FrameDecoderOptions.LargestMaxBodyLength} bytes.");
    }
}
