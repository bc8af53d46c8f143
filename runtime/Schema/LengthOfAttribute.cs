using System;

namespace ProtocolGen;

/// <summary>
/// Makes an unsigned integer field the length of a later member (<see cref="Member"/>): bytes, text, an array or a
/// nested structure, which then has no length rule of its own. The field is derived: <c>value × Scale = L + Offset</c>.
/// </summary>
/// <remarks>
/// <para>
/// <c>L</c> is the target's bytes, or with <see cref="FromRecordStart"/> the bytes from the record's first byte through
/// the target's last (an IPv4 header length: <c>[LengthOf(nameof(Options), Scale = 4, FromRecordStart = true)]</c>).
/// </para>
/// <para>
/// Decoding reads the target from exactly <c>L</c> bytes: a negative <c>L</c> (or one that does not cover the bytes
/// before the target) is <see cref="ProtocolErrorKind.LengthMismatch"/> at this field, one past the frame
/// <see cref="ProtocolErrorKind.LengthBeyondFrame"/>, and an array or structure that does not end exactly where
/// <c>L</c> says is <see cref="ProtocolErrorKind.LengthMismatch"/>. Encoding ignores the stored value and writes the
/// one the target gives, refusing one the field cannot say (<c>L + Offset</c> not a multiple of <c>Scale</c>, or too
/// large for the field) with a <see cref="WireEncodeException"/> before any byte is written. Generated equality skips
/// the field, since it follows from the target.
/// </para>
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
public sealed class LengthOfAttribute : Attribute
{
    /// <summary>Declares the field the length of <paramref name="member"/> (<c>nameof(Payload)</c>, or its name as a literal).</summary>
    public LengthOfAttribute(string member) => Member = member;

    /// <summary>The positional parameter whose length the field holds; it must come after the field.</summary>
    public string Member { get; }

    /// <summary>The unit of the field, in bytes (4 for IPv4's and TCP's header lengths); at least 1. The default is 1.</summary>
    public int Scale { get; set; } = 1;

    /// <summary>What the field counts beyond <c>L</c>: <c>value × Scale = L + Offset</c>. The default is 0.</summary>
    public int Offset { get; set; }

    /// <summary>Whether <c>L</c> counts from the record's first byte (the field itself and every member before the target included), not from the target's.</summary>
    public bool FromRecordStart { get; set; }
}
