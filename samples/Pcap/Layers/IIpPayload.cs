namespace ProtocolGen.Samples.Pcap;

/// <summary>
/// What an IP packet carries, picked by its protocol (IPv4) or next header (IPv6): a <see cref="TcpSegment"/>, a
/// <see cref="UdpDatagram"/>, or for any other protocol, and for an IPv4 fragment, an <see cref="UnknownIpPayload"/>,
/// which keeps the bytes.
/// </summary>
[WireUnion]
public partial interface IIpPayload;
