using ProtocolGen;

namespace ProtocolGen.Generator.Tests.Integration;

// Conditional members: each is on the wire only when an earlier field holds one of its values (or, with Not, none
// of them), and null otherwise. Every shape a conditional member takes: integers, a bool, an address, fixed bytes, a
// nested structure, a closed enum; selectors of an enum, an integer, a bool and a bit field; a field after them.

public enum MessageKind : byte { Ping = 1, Data = 2, Ack = 3, Close = 4 }

[WireStruct, BigEndian]
public sealed partial record ConditionalHeader(
    MessageKind Kind,
    byte Flags,
    [PresentWhen(nameof(Kind), MessageKind.Data, MessageKind.Ack)] uint? Sequence,
    [PresentWhen(nameof(Kind), MessageKind.Close, Not = true)] ushort? Window,
    [PresentWhen(nameof(Flags), 1)] bool? Urgent,
    [PresentWhen(nameof(Flags), 1)] Ipv4Address? ReplyTo,
    [PresentWhen(nameof(Kind), MessageKind.Data), FixedLength(4)] byte[]? Token,
    [PresentWhen(nameof(Kind), MessageKind.Ack)] AckRange? Range,
    [LengthPrefix(PrefixWidth.U8)] string Note);

[WireStruct, BigEndian]
public sealed partial record AckRange(uint First, uint Last);

[ClosedEnum]
public enum DeviceStatus : byte { Idle = 0, Busy = 1 }

// A bool selector, and a closed enum that is only sometimes there.
[WireStruct]
public sealed partial record OptionalReading(
    bool HasTemperature,
    [PresentWhen(nameof(HasTemperature), true)] short? Temperature,
    [PresentWhen(nameof(HasTemperature), false)] DeviceStatus? Status);

// A fixed-size structure with a check of its own (a closed enum), only sometimes there: not plain, so its holder sizes it
// through its WireSize, which checks it, whatever room WriteTo is given.
[WireStruct]
public sealed partial record StatusPair(DeviceStatus First, byte Second);

[WireStruct]
public sealed partial record OptionalPair(bool HasPair, [PresentWhen(nameof(HasPair), true)] StatusPair? Pair, byte Tail);

// A plain structure (a fixed-length array) only sometimes there: its record is at most 6 bytes, so WriteTo into room
// for 6 skips summing the size, and must still check the array's length.
[WireStruct]
public sealed partial record FourBytes([FixedLength(4)] byte[] Bytes);

[WireStruct]
public sealed partial record OptionalFourBytes(bool HasBytes, [PresentWhen(nameof(HasBytes), true)] FourBytes? Bytes, byte Tail);

// A bit field as the selector: the extension follows only when the flag bit is set.
[WireStruct, BigEndian]
public sealed partial record FlaggedCode(
    [Bits(1, Container = 8)] bool Extended,
    [Bits(7)] byte Code,
    [PresentWhen(nameof(Extended), true)] ushort? Extension);

// A packet holding a record with conditional members, which its view reads as a nested view; and a packet with a
// conditional member of its own, handed to a view handler as its view.
[ProtocolUnion(FrameFormat.TypeAndLength32)]
public abstract partial record ConditionalMessage;

[Packet(1)]
public sealed partial record HeaderPacket(ushort Id, ConditionalHeader Header) : ConditionalMessage;

[Packet(2)]
public sealed partial record StatusPacket(
    byte Mode,
    [PresentWhen(nameof(Mode), 1)] uint? Code,
    [PresentWhen(nameof(Mode), 1, 2)] OptionalReading? Reading,
    ushort Tail) : ConditionalMessage;

// A length measured from the record's start, with conditional members before and after its target: the target's
// length counts the one before it only.
[WireStruct]
public sealed partial record MeasuredOptional(
    byte Kind,
    [LengthOf(nameof(Body), FromRecordStart = true, Scale = 4)] byte Words,
    [PresentWhen(nameof(Kind), 1)] ushort? Before,
    byte[] Body,
    [PresentWhen(nameof(Kind), 1)] ushort? After);

// A structure that is not plain (a bool, text): as a conditional member it reads itself, and a view checks it by its own.
[WireStruct]
public sealed partial record Labelled(bool Urgent, [LengthPrefix(PrefixWidth.U8)] string Label);

// Conditional members inside a holder's [LengthOf] window (the header must fill it exactly), a conditional structure
// that reads itself, and an array of records with conditional members.
[WireStruct, BigEndian]
public sealed partial record WindowedHeader(
    [LengthOf(nameof(Header))] byte HeaderLength,
    ConditionalHeader Header,
    byte Mode,
    [PresentWhen(nameof(Mode), 1, 2)] Labelled? Label,
    [CountPrefix(PrefixWidth.U8)] OptionalReading[] Readings,
    ushort Trailer);
