namespace ProtocolGen;

/// <summary>The checksums <see cref="ChecksumAttribute"/> knows by name.</summary>
public enum ChecksumAlgorithm
{
    /// <summary>
    /// The Internet checksum (RFC 1071) of IPv4, ICMP, TCP and UDP, on a <see cref="ushort"/> member; see
    /// <see cref="Wire.Checksums.Internet(System.ReadOnlySpan{byte}, ulong)"/>. The only one that may lie inside the bytes it covers.
    /// </summary>
    Internet,

    /// <summary>
    /// CRC-32 (IEEE 802.3, as zlib, PNG and gzip use it), on a <see cref="uint"/> member; see
    /// <see cref="Wire.Checksums.Crc32(System.ReadOnlySpan{byte})"/>.
    /// </summary>
    Crc32,
}
