using System;
using System.Buffers.Binary;
using ProtocolGen.Benchmarks.Schema;

namespace ProtocolGen.Benchmarks.Baselines;

/// <summary>
/// What a careful engineer writes by hand for the "[FrameHeader]" case: the 6-byte bus header (magic, whole-frame
/// length, type, pad byte) checked and read with <see cref="BinaryPrimitives"/>, then the body the type names. It
/// checks what the generated framing checks: the magic, a length no smaller than the header, within the cap and the
/// bytes at hand, a known type, and a body that holds the packet.
/// </summary>
public static class HandWrittenBusCodec
{
    private const int HeaderSize = 6;
    private const byte Magic = 0x7E;
    private const ushort ReadingType = 0x0102;
    private const ushort HeartbeatType = 0x0201;

    /// <summary>Reads the frame at the start of <paramref name="source"/>, or null; <paramref name="length"/> is its size.</summary>
    public static BusFrame? Read(ReadOnlySpan<byte> source, int maxBodyLength, out int length)
    {
        length = 0;
        if (source.Length < HeaderSize || source[0] != Magic)
        {
            return null;
        }

        int frameLength = BinaryPrimitives.ReadUInt16BigEndian(source.Slice(1));
        var type = BinaryPrimitives.ReadUInt16BigEndian(source.Slice(3));
        if (frameLength < HeaderSize || frameLength - HeaderSize > maxBodyLength || frameLength > source.Length)
        {
            return null;
        }

        var body = source.Slice(HeaderSize, frameLength - HeaderSize);
        BusFrame? frame = type switch
        {
            ReadingType when body.Length >= 10 => new BusReading(
                BinaryPrimitives.ReadUInt16BigEndian(body), BinaryPrimitives.ReadInt32BigEndian(body.Slice(2)), BinaryPrimitives.ReadUInt32BigEndian(body.Slice(6))),
            HeartbeatType when body.Length >= 4 => new BusHeartbeat(BinaryPrimitives.ReadUInt32BigEndian(body)),
            _ => null,
        };
        length = frameLength;
        return frame;
    }

    /// <summary>Writes <paramref name="frame"/> at the start of <paramref name="destination"/> and returns its size.</summary>
    public static int Write(BusFrame frame, Span<byte> destination)
    {
        var (type, bodySize) = frame switch
        {
            BusReading => (ReadingType, 10),
            BusHeartbeat => (HeartbeatType, 4),
            _ => throw new ArgumentException("not a bus frame", nameof(frame)),
        };
        var size = HeaderSize + bodySize;
        if (destination.Length < size)
        {
            throw new ArgumentException("destination too short", nameof(destination));
        }

        destination[0] = Magic;
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(1), (ushort)size);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(3), type);
        destination[5] = 0;
        var body = destination.Slice(HeaderSize);
        switch (frame)
        {
            case BusReading reading:
                BinaryPrimitives.WriteUInt16BigEndian(body, reading.Sensor);
                BinaryPrimitives.WriteInt32BigEndian(body.Slice(2), reading.Value);
                BinaryPrimitives.WriteUInt32BigEndian(body.Slice(6), reading.Timestamp);
                break;
            case BusHeartbeat heartbeat:
                BinaryPrimitives.WriteUInt32BigEndian(body, heartbeat.Sequence);
                break;
        }

        return size;
    }
}
