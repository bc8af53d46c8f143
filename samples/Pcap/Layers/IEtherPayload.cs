namespace ProtocolGen.Samples.Pcap;

/// <summary>
/// What an Ethernet frame carries, picked by its EtherType: an <see cref="Ipv4Packet"/>, an <see cref="Ipv6Packet"/>, or
/// for any other EtherType an <see cref="UnknownEtherPayload"/>, which keeps the bytes.
/// </summary>
[WireUnion]
public partial interface IEtherPayload;
