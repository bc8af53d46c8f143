using System;

namespace ProtocolGen.Samples.Pcap;

/// <summary>What an Ethernet frame of an EtherType this sample does not decode carries: its bytes, kept as they are.</summary>
[WireStruct]
public sealed partial record UnknownEtherPayload([RestOfFrame] ReadOnlyMemory<byte> Bytes) : IEtherPayload;

/// <summary>What an IP packet of a protocol this sample does not decode carries: its bytes, kept as they are.</summary>
[WireStruct]
public sealed partial record UnknownIpPayload([RestOfFrame] ReadOnlyMemory<byte> Bytes) : IIpPayload;
