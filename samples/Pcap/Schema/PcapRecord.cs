namespace ProtocolGen.Samples.Pcap;

/// <summary>
/// One captured packet: a 16-byte header (tshark's <c>frame.*</c>), then the bytes captured, which may be fewer
/// than the packet had on the wire (<see cref="OriginalLength"/>) when the capture's snap length cut it.
/// </summary>
[WireStruct]
public sealed partial record PcapRecord(
    uint TimestampSeconds,
    uint TimestampMicroseconds,
    [LengthOf(nameof(Data))] uint IncludedLength,
    uint OriginalLength,
    byte[] Data);
