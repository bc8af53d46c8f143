using System;

namespace ProtocolGen;

/// <summary>
/// A field that holds a checksum of the record's bytes from <see cref="From"/> through <see cref="Through"/>: decode
/// verifies it once the last of those bytes is read (another value is <see cref="ProtocolErrorKind.ChecksumMismatch"/>
/// at the checksum's offset, unless <see cref="Framing.FrameDecoderOptions.VerifyChecksums"/> is off), encode computes
/// it over the bytes it writes and patches it in, whatever the member holds. The member stays a field, so it shows in
/// JSON (as read; JSON input may leave it out) and views; equality skips it, since the encoder derives it.
/// </summary>
/// <remarks>
/// <see cref="ChecksumAlgorithm.Internet"/> takes a <see cref="ushort"/> and may lie inside its own range (IPv4's header
/// checksum): it is summed as zero when computed and included when verified (RFC 1071 (2) and (3)).
/// <see cref="ChecksumAlgorithm.Crc32"/> takes a <see cref="uint"/>, and a custom checksum a member of its
/// <see cref="Wire.IWireChecksum{TSelf}.Size"/>; both must lie outside their range (a PNG chunk's CRC after its data).
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
public sealed class ChecksumAttribute : Attribute
{
    /// <summary>A built-in checksum: <see cref="ChecksumAlgorithm.Internet"/> or <see cref="ChecksumAlgorithm.Crc32"/>.</summary>
    public ChecksumAttribute(ChecksumAlgorithm algorithm) => Algorithm = algorithm;

    /// <summary>A checksum of your own: a struct implementing <see cref="Wire.IWireChecksum{TSelf}"/> of itself.</summary>
    public ChecksumAttribute(Type custom) => Custom = custom;

    /// <summary>The built-in algorithm, when <see cref="Custom"/> is null.</summary>
    public ChecksumAlgorithm Algorithm { get; }

    /// <summary>The custom checksum type, if any.</summary>
    public Type? Custom { get; }

    /// <summary>
    /// The member whose first byte starts the range (use <c>nameof</c>; a member with a length or count prefix starts
    /// with its prefix); by default the record's first byte, its magic included.
    /// </summary>
    public string? From { get; set; }

    /// <summary>
    /// The member whose last byte ends the range (use <c>nameof</c>); by default the record's last field, or for a CRC or
    /// custom checksum that is itself the last field, the field before it.
    /// </summary>
    public string? Through { get; set; }

    /// <summary>
    /// UDP's rule (RFC 768) for an Internet checksum: a received 0 means the sender computed none, so it is not
    /// verified; on encode a stored 0 is written as 0, anything else is computed, and a computed 0 is sent as 0xFFFF.
    /// </summary>
    public bool ZeroMeansNone { get; set; }

    /// <summary>
    /// TCP's and UDP's rule (RFC 9293 §3.1, RFC 768, RFC 8200 §8.1) for an Internet checksum: the sum of the IP
    /// pseudo-header (addresses, protocol, length) is added to the bytes covered. Decoding takes it from
    /// <see cref="Wire.WireReader.PseudoHeader"/>, encoding from <see cref="Wire.WireWriter.PseudoHeader"/>, which
    /// <see cref="Wire.Checksums.PseudoHeader(Ipv4Address, Ipv4Address, byte, int)"/> computes; without one a real
    /// segment's checksum is a <see cref="ProtocolErrorKind.ChecksumMismatch"/>. A view has no pseudo-header, so its
    /// check leaves this checksum to the decoder.
    /// </summary>
    public bool PseudoHeader { get; set; }
}
