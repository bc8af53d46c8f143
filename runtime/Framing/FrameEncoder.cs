using System;
using System.Buffers;

namespace ProtocolGen;

/// <summary>Writes packets as frames of their union's <see cref="FrameFormat"/>.</summary>
public static class FrameEncoder
{
    /// <summary>The frame's size: header and body.</summary>
    public static int GetFrameSize<TUnion>(TUnion packet)
        where TUnion : IPacketUnion<TUnion>
    {
        ArgumentNullException.ThrowIfNull(packet);
        return checked(FrameHeader.SizeOf(TUnion.FrameFormat) + packet.WireSize);
    }

    /// <summary>Writes the frame at the start of <paramref name="destination"/> and returns its size.</summary>
    public static int Write<TUnion>(TUnion packet, Span<byte> destination)
        where TUnion : IPacketUnion<TUnion>
    {
        ArgumentNullException.ThrowIfNull(packet);
        var bodySize = packet.WireSize;
        var headerSize = FrameHeader.SizeOf(TUnion.FrameFormat);
        if (destination.Length < headerSize + bodySize)
        {
            WireCodec.ThrowDestinationTooShort(headerSize + bodySize, destination.Length);
        }

        FrameHeader.Write(TUnion.FrameFormat, packet.PacketType, bodySize, destination);
        var writer = new WireWriter(destination.Slice(headerSize, bodySize));
        packet.WriteTo(ref writer);
        return headerSize + writer.Position;
    }

    /// <summary>Writes the frame to <paramref name="destination"/>.</summary>
    public static void Write<TUnion>(TUnion packet, IBufferWriter<byte> destination)
        where TUnion : IPacketUnion<TUnion>
    {
        ArgumentNullException.ThrowIfNull(destination);
        var written = Write(packet, destination.GetSpan(GetFrameSize(packet)));
        destination.Advance(written);
    }

    /// <summary>Writes the frame into a new array of exactly its size.</summary>
    public static byte[] ToArray<TUnion>(TUnion packet)
        where TUnion : IPacketUnion<TUnion>
    {
        var frame = new byte[GetFrameSize(packet)];
        Write(packet, frame);
        return frame;
    }
}
