using System;
using System.Collections.Immutable;

namespace ProtocolGen.Samples.Pcap;

// TCP's options (RFC 9293 §3.2, RFC 7323, RFC 2018), one record per kind, each starting with its kind byte;
// TcpOptions picks the record by that byte, since a run of self-tagged records is not a schema kind yet.

/// <summary>End of the option list (kind 0); the header's bytes after it are padding, kept as they are.</summary>
[WireStruct]
public sealed partial record TcpEndOfOptions([Fixed(0)] byte Kind, [RestOfFrame] ReadOnlyMemory<byte> Padding) : ITcpOption;

/// <summary>No operation (kind 1): one byte, to align the option after it.</summary>
[WireStruct]
public sealed partial record TcpNoOperation([Fixed(1)] byte Kind) : ITcpOption;

/// <summary>Maximum segment size (kind 2, length 4): the largest segment the sender accepts.</summary>
[WireStruct, BigEndian]
public sealed partial record TcpMaximumSegmentSize([Fixed(2)] byte Kind, [Fixed(4)] byte Length, ushort Value) : ITcpOption;

/// <summary>Window scale (kind 3, length 3, RFC 7323): the sender's windows are to be multiplied by 2^<see cref="Shift"/>.</summary>
[WireStruct]
public sealed partial record TcpWindowScale([Fixed(3)] byte Kind, [Fixed(3)] byte Length, byte Shift) : ITcpOption;

/// <summary>Selective acknowledgement permitted (kind 4, length 2, RFC 2018).</summary>
[WireStruct]
public sealed partial record TcpSackPermitted([Fixed(4)] byte Kind, [Fixed(2)] byte Length) : ITcpOption;

/// <summary>Selective acknowledgement (kind 5, RFC 2018): the blocks of data received beyond the acknowledgement.</summary>
[WireStruct, BigEndian]
public sealed partial record TcpSack(
    [Fixed(5)] byte Kind,
    [LengthOf(nameof(Blocks), FromRecordStart = true)] byte Length,
    ImmutableArray<SackBlock> Blocks) : ITcpOption;

/// <summary>One block of a <see cref="TcpSack"/>: the first sequence number received, and the one after the last.</summary>
[WireStruct, BigEndian]
public readonly partial record struct SackBlock(uint Left, uint Right);

/// <summary>Timestamps (kind 8, length 10, RFC 7323): the sender's clock, and the last one it received.</summary>
[WireStruct, BigEndian]
public sealed partial record TcpTimestamps([Fixed(8)] byte Kind, [Fixed(10)] byte Length, uint Value, uint EchoReply) : ITcpOption;

/// <summary>An option of another kind: its kind, its length (which counts the kind and length bytes) and its data.</summary>
[WireStruct]
public sealed partial record UnknownTcpOption(
    byte Kind,
    [LengthOf(nameof(Data), FromRecordStart = true)] byte Length,
    ReadOnlyMemory<byte> Data) : ITcpOption;
