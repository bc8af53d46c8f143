using System;

namespace ProtocolGen;

/// <summary>A field of exactly <see cref="Length"/> bytes, with no prefix: bytes, or text.</summary>
/// <remarks>
/// On a <c>string</c> the field is a C <c>char[n]</c>: the text's UTF-8, then <c>0x00</c> bytes to its end (none when
/// the text takes all <see cref="Length"/> bytes). Decoding takes the bytes before the first <c>0x00</c> and refuses a
/// field with any other byte after it, so each accepted field has one text and re-encodes to its own bytes; encoding
/// refuses text longer than the field or holding U+0000, which a decoder would end there.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
public sealed class FixedLengthAttribute : Attribute
{
    /// <summary>Declares a field of exactly <paramref name="length"/> bytes.</summary>
    public FixedLengthAttribute(int length) => Length = length;

    /// <summary>The field's length in bytes.</summary>
    public int Length { get; }
}
