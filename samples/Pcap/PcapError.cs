using System.Globalization;

namespace ProtocolGen.Samples.Pcap;

/// <summary>
/// Why a pcap file could not be read, and where: the kind of problem, the frame (1 for the first record, as
/// tshark's <c>frame.number</c>; 0 for the file header), the layer that refused it (tshark's protocol name:
/// <c>pcap</c>, <c>eth</c>, <c>ip</c>, <c>ipv6</c>, <c>tcp</c>, <c>udp</c>) and the byte of the file it is at.
/// </summary>
public sealed record PcapError(ProtocolErrorKind Kind, int FrameNumber, string Layer, long FileOffset)
{
    /// <summary>One line for a person: <c>frame 33 (udp): checksum-mismatch at file offset 1234</c>.</summary>
    public string Message => string.Create(
        CultureInfo.InvariantCulture,
        $"{(FrameNumber == 0 ? "file header" : $"frame {FrameNumber}")} ({Layer}): {ProtocolErrorKinds.ToWireName(Kind)} at file offset {FileOffset}");

    /// <inheritdoc/>
    public override string ToString() => Message;
}
