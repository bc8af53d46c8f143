using System;
using System.Collections.Immutable;

namespace ProtocolGen.Samples.Pcap;

// IPv4's options (RFC 791 §3.1), one record per kind, each starting with its type byte; Ipv4Options picks the
// record by that byte, since a run of self-tagged records is not a schema kind yet.

/// <summary>End of the option list (type 0); the header's bytes after it are padding, kept as they are.</summary>
[WireStruct]
public sealed partial record Ipv4EndOfOptions([Fixed(0)] byte Type, [RestOfFrame] ReadOnlyMemory<byte> Padding) : IIpv4Option;

/// <summary>No operation (type 1): one byte, to align the option after it.</summary>
[WireStruct]
public sealed partial record Ipv4NoOperation([Fixed(1)] byte Type) : IIpv4Option;

/// <summary>
/// Record route (type 7, RFC 791): the addresses of the hops so far, then empty slots; <see cref="Pointer"/> is the
/// option's 1-based byte offset of the first empty slot.
/// </summary>
[WireStruct, BigEndian]
public sealed partial record Ipv4RecordRoute(
    [Fixed(7)] byte Type,
    [LengthOf(nameof(Route), FromRecordStart = true)] byte Length,
    byte Pointer,
    ImmutableArray<Ipv4Address> Route) : IIpv4Option;

/// <summary>
/// Internet timestamp (type 68, RFC 791): how many hops could not add a stamp, what the slots hold (flag 0:
/// timestamps; 1 and 3: address and timestamp in turn), and the 32-bit slots.
/// </summary>
[WireStruct, BigEndian]
public sealed partial record Ipv4Timestamp(
    [Fixed(68)] byte Type,
    [LengthOf(nameof(Slots), FromRecordStart = true)] byte Length,
    byte Pointer,
    [Bits(4, Container = 8)] byte Overflow,
    [Bits(4)] byte Flag,
    ImmutableArray<uint> Slots) : IIpv4Option;

/// <summary>An option of another type: its type, its length (which counts the type and length bytes) and its data.</summary>
[WireStruct]
public sealed partial record UnknownIpv4Option(
    byte Type,
    [LengthOf(nameof(Data), FromRecordStart = true)] byte Length,
    ReadOnlyMemory<byte> Data) : IIpv4Option;
