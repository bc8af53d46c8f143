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

/// <summary>
/// A pcap record's 16-byte header alone, which <see cref="PcapFrame.WriteTo"/> writes before the Ethernet frame it
/// writes in place (so the record's data is never copied into an array of its own); <see cref="PcapRecord"/> reads the
/// header and the data together.
/// </summary>
[WireStruct]
public readonly partial record struct PcapRecordHeader(
    uint TimestampSeconds,
    uint TimestampMicroseconds,
    uint IncludedLength,
    uint OriginalLength);
