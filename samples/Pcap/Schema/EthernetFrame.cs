using System;

namespace ProtocolGen.Samples.Pcap;

/// <summary>
/// An Ethernet II frame as pcap captures it (no preamble, no frame check sequence): two addresses, the EtherType, the
/// packet it carries, picked by <see cref="Type"/>, and the bytes after that packet's end (the padding a frame shorter
/// than 60 bytes gets), which its own length fields give. An EtherType this sample does not decode has no length to
/// end its packet, so its <see cref="UnknownEtherPayload"/> keeps every byte to the frame's end and the trailer is
/// empty; a trailer set beside one is written after it and read back as part of it.
/// </summary>
[WireStruct, BigEndian]
public sealed partial record EthernetFrame(
    [WireConverter(typeof(MacAddressBytes))] MacAddress Destination,
    [WireConverter(typeof(MacAddressBytes))] MacAddress Source,
    EtherType Type,
    [Switch(nameof(Type))] IEtherPayload Payload,
    [RestOfFrame] ReadOnlyMemory<byte> Trailer) : IEthernetFrame;

/// <summary>
/// An Ethernet frame the capture's snap length cut short: its header, and the bytes the capture kept of the rest. The
/// packet in it cannot be read, since its lengths and checksums cover bytes that are not there.
/// </summary>
[WireStruct, BigEndian]
public sealed partial record CutEthernetFrame(
    [WireConverter(typeof(MacAddressBytes))] MacAddress Destination,
    [WireConverter(typeof(MacAddressBytes))] MacAddress Source,
    EtherType Type,
    [RestOfFrame] ReadOnlyMemory<byte> Captured) : IEthernetFrame;

/// <summary>The protocol an Ethernet frame carries (IEEE 802 numbers); an unnamed one decodes and re-encodes as it is.</summary>
public enum EtherType : ushort
{
    /// <summary>An IPv4 packet.</summary>
    Ipv4 = 0x0800,

    /// <summary>An ARP message (not decoded here).</summary>
    Arp = 0x0806,

    /// <summary>An 802.1Q VLAN tag (not decoded here).</summary>
    Vlan = 0x8100,

    /// <summary>An IPv6 packet.</summary>
    Ipv6 = 0x86DD,
}
