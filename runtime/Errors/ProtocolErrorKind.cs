namespace ProtocolGen;

/// <summary>What is wrong with a frame.</summary>
public enum ProtocolErrorKind
{
    /// <summary>The declared body is shorter than the packet's fields need.</summary>
    SizeMismatch = 1,

    /// <summary>The type byte names no packet of the union.</summary>
    UnknownType,

    /// <summary>The data ended in the middle of a frame.</summary>
    Truncated,

    /// <summary>A length or count prefix asks for more bytes than remain in the frame.</summary>
    LengthBeyondFrame,

    /// <summary>The body is longer than the packet's fields (reported only in strict mode).</summary>
    TrailingBytes,

    /// <summary>
    /// The declared body length is larger than the decoder's cap; in a format without lengths, the body needs
    /// more bytes than the cap (the frame's first cap's worth of bytes is then skipped).
    /// </summary>
    FrameTooLarge,

    /// <summary>A text field is not valid UTF-8.</summary>
    InvalidText,

    /// <summary>A field holds a value its type cannot represent (a boolean other than 0 or 1).</summary>
    InvalidValue,

    /// <summary>A fixed value or a magic differs from the constant the schema declares (at the fixed field's offset, or at the magic's first byte that differs).</summary>
    FixedValueMismatch,

    /// <summary>A checksum differs from the one its bytes give (at the checksum field's offset).</summary>
    ChecksumMismatch,
    /// <summary>
    /// A length or count field disagrees with what it measures (at the length field's offset): it gives a negative
    /// length, or one too short for the bytes before its member, or an array or structure that does not end exactly
    /// where the length says.
    /// </summary>
    LengthMismatch,
}
