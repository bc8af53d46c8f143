namespace ProtocolGen.Benchmarks.Schema;

// The record of the "[PresentWhen]" case of the new-kind rows: a message header whose kind and flags say which of its
// members follow (a sequence number for data and acks, a window unless it closes, a reply address when flagged, an
// acknowledged range for acks), then a field that is always there.

public enum MessageKind : byte { Ping = 1, Data = 2, Ack = 3, Close = 4 }

[WireStruct, BigEndian]
public sealed partial record AckSpan(uint First, uint Last);

[WireStruct, BigEndian]
public sealed partial record OptionalHeader(
    MessageKind Kind,
    byte Flags,
    [PresentWhen(nameof(Kind), MessageKind.Data, MessageKind.Ack)] uint? Sequence,
    [PresentWhen(nameof(Kind), MessageKind.Close, Not = true)] ushort? Window,
    [PresentWhen(nameof(Flags), 1)] Ipv4Address? ReplyTo,
    [PresentWhen(nameof(Kind), MessageKind.Ack)] AckSpan? Range,
    uint Timestamp);
