namespace ProtocolGen.Samples.Pcap;

/// <summary>
/// What an Ethernet frame carries: an <see cref="IIpPacket"/>, or an <see cref="UnknownEtherPayload"/>.
/// <see cref="PcapFrame"/> picks one by the frame's EtherType in plain C#, until <c>[WireUnion]</c> and
/// <c>[Switch]</c> (design step 8) let the schema say it.
/// </summary>
public interface IEtherPayload : IWireWritable;
