namespace ProtocolGen.Samples.Pcap;

/// <summary>One option of a TCP header (<see cref="TcpOptions"/> reads them), a schema record per kind.</summary>
public interface ITcpOption : IWireWritable;
