using System;

namespace ProtocolGen;

/// <summary>
/// Makes an unsigned integer member of a <see cref="FrameHeaderAttribute">[FrameHeader]</see> (or a bit field) the
/// frame's length: <c>value × Scale = L + Offset</c>, where <c>L</c> is the body's bytes, or with
/// <see cref="FrameLengthCounting.WholeFrame"/> the header's and the body's.
/// </summary>
/// <remarks>
/// Decoding a length that gives a negative body (a whole-frame length smaller than the header) is
/// <see cref="ProtocolErrorKind.LengthMismatch"/>, and the header's bytes are skipped. Encoding refuses a body the
/// field cannot say (too large, or <c>L + Offset</c> not a multiple of <c>Scale</c>) with a
/// <see cref="WireEncodeException"/> before any byte is written.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
public sealed class FrameLengthAttribute : Attribute
{
    /// <summary>What the length counts; <see cref="FrameLengthCounting.Body"/> by default.</summary>
    public FrameLengthCounting Counting { get; set; }

    /// <summary>The unit of the field, in bytes; at least 1. The default is 1.</summary>
    public int Scale { get; set; } = 1;

    /// <summary>What the field counts beyond <c>L</c>: <c>value × Scale = L + Offset</c>. The default is 0.</summary>
    public int Offset { get; set; }
}
