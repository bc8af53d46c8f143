using System;

namespace ProtocolGen.Samples.Pcap;

/// <summary>
/// An Ethernet II frame as pcap captures it (no preamble, no frame check sequence): two addresses, the EtherType,
/// and the rest of the record's data. The payload stays bytes here: <see cref="PcapFrame"/> reads the IPv4 or IPv6
/// packet in it by <see cref="Type"/>, which waits for <c>[Switch]</c> unions (design step 8) to become schema.
/// </summary>
[WireStruct, BigEndian]
public sealed partial record EthernetFrame(
    [WireConverter(typeof(MacAddressBytes))] MacAddress Destination,
    [WireConverter(typeof(MacAddressBytes))] MacAddress Source,
    EtherType Type,
    [RestOfFrame] ReadOnlyMemory<byte> Payload);

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
