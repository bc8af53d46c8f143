using System;
using System.ComponentModel;

// For generated code; not a stable API (see Internal/NamespaceDoc.cs).
namespace ProtocolGen.Internal;

/// <summary>Padding (<c>[PadBefore]</c>, <c>[PadAfter]</c>) for generated codecs.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WirePadding
{
    /// <summary>
    /// The offset of the first byte of <paramref name="padding"/> that is not 0x00, or -1 when all are: padding with
    /// <c>MustBeZero</c> is refused there (<see cref="ProtocolErrorKind.FixedValueMismatch"/>).
    /// </summary>
    public static int FirstNonZero(ReadOnlySpan<byte> padding) => padding.IndexOfAnyExcept((byte)0);
}
