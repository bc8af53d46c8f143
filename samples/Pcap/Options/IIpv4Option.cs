namespace ProtocolGen.Samples.Pcap;

/// <summary>One option of an IPv4 header (<see cref="Ipv4Options"/> reads them), a schema record per type.</summary>
public interface IIpv4Option : IWireWritable;
