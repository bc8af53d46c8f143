namespace ProtocolGen;

/// <summary>Names of <see cref="ProtocolErrorKind"/> outside C#.</summary>
public static class ProtocolErrorKinds
{
    /// <summary>The kebab-case name used in JSON and logs: <c>size-mismatch</c>, <c>unknown-type</c>...</summary>
    public static string ToWireName(ProtocolErrorKind kind) => kind switch
    {
        ProtocolErrorKind.SizeMismatch => "size-mismatch",
        ProtocolErrorKind.UnknownType => "unknown-type",
        ProtocolErrorKind.Truncated => "truncated",
        ProtocolErrorKind.LengthBeyondFrame => "length-beyond-frame",
        ProtocolErrorKind.TrailingBytes => "trailing-bytes",
        ProtocolErrorKind.FrameTooLarge => "frame-too-large",
        ProtocolErrorKind.InvalidText => "invalid-text",
        ProtocolErrorKind.InvalidValue => "invalid-value",
        ProtocolErrorKind.FixedValueMismatch => "fixed-value-mismatch",
        ProtocolErrorKind.ChecksumMismatch => "checksum-mismatch",
        ProtocolErrorKind.LengthMismatch => "length-mismatch",
        _ => kind.ToString(),
    };
}
