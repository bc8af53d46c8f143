using System;
using ProtocolGen;

namespace ProtocolGen.Generator.Tests.Integration;

// Wire unions: a link frame whose payload is picked by its type (a default case keeps unknown types' bytes), a routed
// packet inside it whose payload is picked by its protocol in a window its total length gives, with the
// pseudo-header its datagram's checksum adds (no default there: an unknown protocol is refused), and a tunnel case
// that nests the link payload again, to bound nesting on hostile input.

// A packet holding a record with a [Switch] member: that record has no view, so the packet's view reads it as a value.
[ProtocolUnion(FrameFormat.TypeAndLength32)]
public abstract partial record LinkMessage;

[Packet(1)]
public sealed partial record CarriedFrame(uint Sequence, LinkFrame Frame) : LinkMessage;

public enum Carried : ushort { Ping = 1, Text = 2, Tunnel = 3, Routed = 0x0800 }

public enum Transport : byte { Datagram = 17 }

[WireUnion]
public partial interface ILinkPayload;

[WireStruct, BigEndian]
public sealed partial record LinkFrame(
    Carried Type,
    [Switch(nameof(Type))] ILinkPayload Payload,
    [RestOfFrame] ReadOnlyMemory<byte> Trailer);

[WireCase(Carried.Ping, Name = "ping"), BigEndian]
public sealed partial record PingBody(uint Sequence) : ILinkPayload;

[WireCase(Carried.Text)]
public sealed partial record TextBody([LengthPrefix(PrefixWidth.U8)] string Text) : ILinkPayload;

[WireCase(Carried.Tunnel, Name = "tunnel"), BigEndian]
public sealed partial record Tunnel(Carried Inner, [Switch(nameof(Inner))] ILinkPayload Payload) : ILinkPayload;

[WireCase(Carried.Routed, Name = "routed"), BigEndian]
public sealed partial record RoutedPacket(
    [LengthOf(nameof(Payload), FromRecordStart = true)] ushort TotalLength,
    Transport Protocol,
    Ipv4Address Source,
    Ipv4Address Destination,
    [Switch(nameof(Protocol)), PseudoHeader(nameof(Source), nameof(Destination), nameof(Protocol))] IRoutedPayload Payload) : ILinkPayload;

[WireCaseDefault]
public sealed partial record UnknownLinkPayload([RestOfFrame] ReadOnlyMemory<byte> Bytes) : ILinkPayload;

[WireUnion]
public partial interface IRoutedPayload;

[WireCase(Transport.Datagram, Name = "datagram"), BigEndian]
public sealed partial record SwitchedDatagram(
    ushort SourcePort,
    ushort DestinationPort,
    [LengthOf(nameof(Data), FromRecordStart = true)] ushort Length,
    [Checksum(ChecksumAlgorithm.Internet, PseudoHeader = true)] ushort Checksum,
    ReadOnlyMemory<byte> Data) : IRoutedPayload;

// A bool selector: its cases' tags are true and false.
[WireUnion]
public partial interface ISizedValue;

[WireStruct]
public sealed partial record SizedValue(bool Wide, [Switch(nameof(Wide))] ISizedValue Value);

[WireCase(true, Name = "wide")]
public sealed partial record WideValue(uint Value) : ISizedValue;

[WireCase(false, Name = "narrow")]
public sealed partial record NarrowValue(byte Value) : ISizedValue;

// A guarded switch: an IPv4-like packet whose payload is picked by its protocol, except in a fragment (more fragments
// to come, or an offset other than 0), whose payload stays the default case's raw bytes whatever the protocol.
[WireUnion]
public partial interface IFragmentPayload;

[WireStruct, BigEndian]
public sealed partial record FragmentedPacket(
    [LengthOf(nameof(Payload), FromRecordStart = true)] ushort TotalLength,
    [Bits(1, Container = 16), Reserved] bool ReservedFlag,
    [Bits(1)] bool DontFragment,
    [Bits(1)] bool MoreFragments,
    [Bits(13)] ushort FragmentOffset,
    Transport Protocol,
    Ipv4Address Source,
    Ipv4Address Destination,
    [Switch(nameof(Protocol)), PseudoHeader(nameof(Source), nameof(Destination), nameof(Protocol)),
     DefaultCaseWhen(nameof(MoreFragments), true), DefaultCaseWhen(nameof(FragmentOffset), 0, Not = true)] IFragmentPayload Payload);

[WireCase(Transport.Datagram, Name = "datagram"), BigEndian]
public sealed partial record FragmentDatagram(
    ushort SourcePort,
    ushort DestinationPort,
    [LengthOf(nameof(Data), FromRecordStart = true)] ushort Length,
    [Checksum(ChecksumAlgorithm.Internet, PseudoHeader = true)] ushort Checksum,
    ReadOnlyMemory<byte> Data) : IFragmentPayload;

[WireCaseDefault]
public sealed partial record FragmentBytes([RestOfFrame] ReadOnlyMemory<byte> Bytes) : IFragmentPayload;

// A guarded switch read in place (no window), with a guard of several values on an enum selector.
[WireStruct]
public sealed partial record GuardedValue(
    Carried Mode,
    bool Wide,
    [Switch(nameof(Wide)), DefaultCaseWhen(nameof(Mode), Carried.Ping, Carried.Text)] IGuardedValue Value);

[WireUnion]
public partial interface IGuardedValue;

[WireCase(true, Name = "wide")]
public sealed partial record GuardedWide(uint Value) : IGuardedValue;

[WireCaseDefault]
public sealed partial record GuardedRaw([RestOfFrame] ReadOnlyMemory<byte> Bytes) : IGuardedValue;
