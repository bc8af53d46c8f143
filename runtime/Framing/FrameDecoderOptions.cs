using System;

namespace ProtocolGen.Framing;

/// <summary>How strictly frames are decoded. <c>default</c> is lenient decoding with the default cap.</summary>
public readonly record struct FrameDecoderOptions
{
    /// <summary>
    /// The default cap on a declared body length: 1 MiB. The largest legitimate Portmaster info is a
    /// connection carrying a whole IP packet (at most 65,535 payload bytes) or a bandwidth report, and
    /// 1 MiB holds over 20,000 IPv6 bandwidth entries; anything larger is treated as corrupt rather than
    /// buffered.
    /// </summary>
    public const int DefaultMaxBodyLength = 1 << 20;

    // Zero stands for the default, so that default(FrameDecoderOptions) is usable as it is.
    private readonly int _maxBodyLength;

    /// <summary>The most a cap can be: a whole frame, header included, must still fit in one array.</summary>
    public const int LargestMaxBodyLength = 0x7FFF_FFC7 - FrameHeader.TypeAndLength32Size;

    /// <summary>
    /// The largest declared body length accepted, from 1 to <see cref="LargestMaxBodyLength"/>; a larger one is
    /// <see cref="ProtocolErrorKind.FrameTooLarge"/>. In a union without lengths (<see cref="FrameFormat.TypeOnly"/>),
    /// the most bytes a body may take: one that needs more is <see cref="ProtocolErrorKind.FrameTooLarge"/> too.
    /// </summary>
    public int MaxBodyLength
    {
        get => _maxBodyLength == 0 ? DefaultMaxBodyLength : _maxBodyLength;
        init => _maxBodyLength = value is > 0 and <= LargestMaxBodyLength
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"The cap must be from 1 to {LargestMaxBodyLength} bytes.");
    }

    /// <summary>
    /// Whether bytes after a packet's last field are an error (<see cref="ProtocolErrorKind.TrailingBytes"/>).
    /// Off by default: a newer peer may append fields, and older readers skip them.
    /// </summary>
    public bool RejectTrailingBytes { get; init; }

    // Stored inverted, so that default(FrameDecoderOptions) verifies.
    private readonly bool _skipChecksums;

    /// <summary>
    /// Whether <c>[Checksum]</c> fields are verified (<see cref="ProtocolErrorKind.ChecksumMismatch"/> when one differs
    /// from the one its bytes give). On by default. Off, a frame with a wrong checksum decodes, and re-encodes with the
    /// correct one (so not byte for byte).
    /// </summary>
    public bool VerifyChecksums
    {
        get => !_skipChecksums;
        init => _skipChecksums = !value;
    }
}
