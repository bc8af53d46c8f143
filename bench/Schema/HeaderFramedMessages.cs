namespace ProtocolGen.Benchmarks.Schema;

// The union of the "[FrameHeader]" case of the new-kind rows: frames of a device bus whose header is declared as a
// record (a magic byte, a whole-frame big-endian u16 length, a u16 type wider than a byte, a pad byte), then a body.

[FrameHeader, BigEndian, Magic(0x7E)]
public readonly partial record struct BusFrameHeader(
    [FrameLength(Counting = FrameLengthCounting.WholeFrame)] ushort Length,
    [FrameType, PadAfter(1)] ushort Type);

[ProtocolUnion(typeof(BusFrameHeader))]
public abstract partial record BusFrame;

[Packet(0x0102), BigEndian]
public sealed partial record BusReading(ushort Sensor, int Value, uint Timestamp) : BusFrame;

[Packet(0x0201), BigEndian]
public sealed partial record BusHeartbeat(uint Sequence) : BusFrame;
