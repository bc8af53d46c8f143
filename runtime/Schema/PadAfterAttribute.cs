using System;

namespace ProtocolGen;

/// <summary><see cref="Bytes"/> unnamed bytes on the wire just after the field: skipped when decoding, zeros when encoding.</summary>
/// <remarks>
/// As <see cref="PadBeforeAttribute"/>, after the field: on a field of constant size (an integer, enum, fixed bytes or
/// text, a plain structure or fixed-count array), since bytes after a variable-length field would follow its tail.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
public sealed class PadAfterAttribute : Attribute
{
    /// <summary>Declares <paramref name="bytes"/> bytes of padding after the field.</summary>
    public PadAfterAttribute(int bytes) => Bytes = bytes;

    /// <summary>How many bytes of padding.</summary>
    public int Bytes { get; }

    /// <summary>Whether decoding refuses padding that is not all 0x00 (by default any bytes are skipped).</summary>
    public bool MustBeZero { get; set; }
}
