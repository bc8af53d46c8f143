using System;
using System.Text.Json;
using ProtocolGen.Framing;
using ProtocolGen.Json;

namespace ProtocolGen.Fuzz;

/// <summary>
/// The properties each fuzz target checks. The mutation test project compiles this same file, so every input
/// kept under testdata/fuzz/ (corpus and crashes) is replayed by <c>dotnet test</c>.
/// </summary>
internal static class FuzzTargets
{
    public static void Frames<TUnion>(byte[] data)
        where TUnion : IPacketUnion<TUnion>
    {
        long end = 0;
        foreach (var frame in FrameDecoder.Enumerate<TUnion>(data))
        {
            if (frame.Offset != end || frame.Length <= 0)
            {
                throw new InvalidOperationException($"frame at {frame.Offset} does not follow the previous one's end {end}, or is empty");
            }

            end = frame.Offset + frame.Length;
            if (!frame.IsPacket)
            {
                continue;
            }

            // Every packet decoded is one that the encoder writes and the decoder reads back as equal.
            var again = FrameDecoder.DecodeSingle<TUnion>(FrameEncoder.ToArray(frame.Packet));
            if (!again.Equals(frame.Packet))
            {
                throw new InvalidOperationException($"{frame.Packet} at {frame.Offset} does not survive encoding and decoding");
            }
        }
    }

    public static void Json<TUnion>(byte[] data)
        where TUnion : IPacketUnion<TUnion>
    {
        TUnion packet;
        try
        {
            using var document = JsonDocument.Parse(data);
            packet = TUnion.ReadJson(document.RootElement);
        }
        catch (JsonException)
        {
            return;
        }
        catch (WireJsonException)
        {
            return;
        }

        // What was read writes back as JSON that reads as the same packet.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            TUnion.WriteJson(writer, packet);
        }

        using var written = JsonDocument.Parse(buffer.WrittenMemory);
        if (!TUnion.ReadJson(written.RootElement).Equals(packet))
        {
            throw new InvalidOperationException("a packet read from JSON does not survive writing and reading its JSON");
        }

        // A packet that encodes at all must decode as itself; a value the wire cannot hold is an ArgumentException.
        byte[] frame;
        try
        {
            frame = FrameEncoder.ToArray(packet);
        }
        catch (ArgumentException)
        {
            return;
        }

        if (!FrameDecoder.DecodeSingle<TUnion>(frame).Equals(packet))
        {
            throw new InvalidOperationException("a packet read from JSON does not survive encoding and decoding");
        }
    }
}
