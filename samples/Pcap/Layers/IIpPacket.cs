namespace ProtocolGen.Samples.Pcap;

/// <summary>An IPv4 or IPv6 packet: what its payload is, and the pseudo-header that a TCP or UDP checksum in it adds.</summary>
public interface IIpPacket : IEtherPayload
{
    /// <summary>The protocol of <see cref="Payload"/> (IPv4's protocol, IPv6's next header).</summary>
    IpProtocol Protocol { get; }

    /// <summary>What the packet carries: the transport segment, or its bytes.</summary>
    IIpPayload Payload { get; }

    /// <summary>The pseudo-header's partial sum for a transport segment of <paramref name="upperLayerLength"/> bytes in this packet.</summary>
    ulong PseudoHeaderSum(int upperLayerLength);
}
