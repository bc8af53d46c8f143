namespace ProtocolGen.Samples.Pcap;

/// <summary>
/// The 24 bytes that open a classic pcap file (little-endian, microsecond timestamps): magic 0xA1B2C3D4 as its
/// little-endian bytes, the format's version 2.4, and the link type every record's data is framed by.
/// A big-endian or nanosecond file has other magic bytes and is refused (<c>FixedValueMismatch</c> at offset 0).
/// </summary>
[WireStruct, Magic(0xD4, 0xC3, 0xB2, 0xA1)]
public sealed partial record PcapFileHeader(
    [Fixed(2)] ushort VersionMajor,
    ushort VersionMinor,
    int ThisZone,
    uint SigFigs,
    uint SnapLength,
    LinkType Network);

/// <summary>What each record's data begins with. Only Ethernet is decoded, so any other is refused (<c>InvalidValue</c> at offset 20).</summary>
[ClosedEnum]
public enum LinkType : uint
{
    /// <summary>Ethernet II frames (LINKTYPE_ETHERNET).</summary>
    Ethernet = 1,
}
