using System;

namespace ProtocolGen;

/// <summary><see cref="Bytes"/> unnamed bytes on the wire just before the field: skipped when decoding, zeros when encoding.</summary>
/// <remarks>
/// Padding is not a member, so it is not in JSON or equality, and a record with padding re-encodes it as zeros: a
/// decoder that must re-encode every accepted frame byte for byte sets <see cref="MustBeZero"/>, which refuses other
/// bytes (<see cref="ProtocolErrorKind.FixedValueMismatch"/> at the first one that is not 0x00). Padding keeps the
/// field's place in its record's fixed run, so the fields after it are still read at constant offsets.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
public sealed class PadBeforeAttribute : Attribute
{
    /// <summary>Declares <paramref name="bytes"/> bytes of padding before the field.</summary>
    public PadBeforeAttribute(int bytes) => Bytes = bytes;

    /// <summary>How many bytes of padding.</summary>
    public int Bytes { get; }

    /// <summary>Whether decoding refuses padding that is not all 0x00 (by default any bytes are skipped).</summary>
    public bool MustBeZero { get; set; }
}
