namespace ProtocolGen.Samples.Pcap;

/// <summary>
/// What an IP packet carries: a TCP segment, a <see cref="UdpDatagram"/>, or an <see cref="UnknownIpPayload"/>.
/// <see cref="PcapFrame"/> picks one by the packet's protocol in plain C#, until <c>[WireUnion]</c> and
/// <c>[Switch]</c> (design step 8) let the schema say it.
/// </summary>
public interface IIpPayload : IWireWritable;
