using System.Globalization;

namespace ProtocolGen;

/// <summary>A bad frame: what went wrong, and where.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Offset">Where the frame starts, in bytes from the start of the stream or buffer.</param>
/// <param name="PacketType">The frame's type byte, when the header was read.</param>
/// <param name="PacketName">The packet's name, when the type byte names one.</param>
/// <param name="DeclaredLength">The body length the header declares (length-framed unions only).</param>
/// <param name="BodyOffset">Where in the body the problem was found, in bytes from the body's start.</param>
public sealed record ProtocolError(
    ProtocolErrorKind Kind,
    long Offset,
    byte? PacketType,
    string? PacketName,
    uint? DeclaredLength,
    int BodyOffset)
{
    /// <summary>
    /// The packet type a <c>[FrameHeader]</c> declared, which may be wider than <see cref="PacketType"/> holds (that is
    /// then null); null for the built-in frame formats and when the header was not read.
    /// </summary>
    public ulong? FrameType { get; init; }

    /// <summary>A one-line description a person can act on.</summary>
    public string Message => string.Create(CultureInfo.InvariantCulture, $"{Describe()} (frame at offset {Offset}{DescribeType()}{DescribeLength()})");

    /// <inheritdoc/>
    public override string ToString() => $"{Kind}: {Message}";

    private string Describe() => Kind switch
    {
        ProtocolErrorKind.SizeMismatch => string.Create(CultureInfo.InvariantCulture, $"unexpected size: the body ends at byte {BodyOffset} but the packet's fields need more"),
        ProtocolErrorKind.UnknownType => "unknown packet type",
        ProtocolErrorKind.Truncated => string.Create(CultureInfo.InvariantCulture, $"the data ends inside the frame, {BodyOffset} body bytes in"),
        ProtocolErrorKind.LengthBeyondFrame => string.Create(CultureInfo.InvariantCulture, $"a length or count at body offset {BodyOffset} runs past the end of the frame"),
        ProtocolErrorKind.TrailingBytes => string.Create(CultureInfo.InvariantCulture, $"the packet's fields end at body offset {BodyOffset}, before the declared end"),
        ProtocolErrorKind.FrameTooLarge => DeclaredLength is null
            ? "the body needs more bytes than the decoder accepts"
            : "the declared length is larger than the decoder accepts",
        ProtocolErrorKind.InvalidText => string.Create(CultureInfo.InvariantCulture, $"the text at body offset {BodyOffset} is not valid UTF-8"),
        ProtocolErrorKind.InvalidValue => string.Create(CultureInfo.InvariantCulture, $"the value at body offset {BodyOffset} is out of range"),
        ProtocolErrorKind.FixedValueMismatch => string.Create(CultureInfo.InvariantCulture, $"the value at body offset {BodyOffset} differs from the schema's constant"),
        ProtocolErrorKind.ChecksumMismatch => string.Create(CultureInfo.InvariantCulture, $"the checksum at body offset {BodyOffset} differs from the one its bytes give"),
        ProtocolErrorKind.LengthMismatch => string.Create(CultureInfo.InvariantCulture, $"the length or count at body offset {BodyOffset} disagrees with what it measures"),
        _ => Kind.ToString(),
    };

    private string DescribeType() => (FrameType ?? PacketType) is not { } type
        ? string.Empty
        : PacketName is null
            ? string.Create(CultureInfo.InvariantCulture, $", type {type}")
            : string.Create(CultureInfo.InvariantCulture, $", {PacketName} type {type}");

    private string DescribeLength() => DeclaredLength is { } length
        ? string.Create(CultureInfo.InvariantCulture, $", declared length {length}")
        : string.Empty;
}
