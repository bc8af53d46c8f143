using System;

namespace ProtocolGen.Samples.Pcap;

/// <summary>What an Ethernet frame of an EtherType this sample does not decode carries: its bytes, kept as they are.</summary>
[WireCaseDefault]
public sealed partial record UnknownEtherPayload([RestOfFrame] ReadOnlyMemory<byte> Bytes) : IEtherPayload;

/// <summary>
/// What an IP packet carries when this sample does not decode it: a protocol other than TCP and UDP, or an IPv4
/// fragment (only the first holds the transport header, and its checksum covers the whole datagram). Its bytes, kept as
/// they are.
/// </summary>
[WireCaseDefault]
public sealed partial record UnknownIpPayload([RestOfFrame] ReadOnlyMemory<byte> Bytes) : IIpPayload;
