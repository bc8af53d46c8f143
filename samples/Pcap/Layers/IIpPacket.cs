using System;

namespace ProtocolGen.Samples.Pcap;

/// <summary>An IPv4 or IPv6 packet: what its payload is, and the pseudo-header that a TCP or UDP checksum in it adds.</summary>
public interface IIpPacket : IEtherPayload
{
    /// <summary>The protocol of <see cref="Payload"/> (IPv4's protocol, IPv6's next header).</summary>
    IpProtocol Protocol { get; }

    /// <summary>The bytes after the header, as long as the header's length fields say.</summary>
    ReadOnlyMemory<byte> Payload { get; }

    /// <summary>The pseudo-header's partial sum for a transport segment of <paramref name="upperLayerLength"/> bytes in this packet.</summary>
    ulong PseudoHeaderSum(int upperLayerLength);

    /// <summary>This packet carrying <paramref name="payload"/> instead; its length fields follow on encode.</summary>
    IIpPacket WithPayload(ReadOnlyMemory<byte> payload);
}
