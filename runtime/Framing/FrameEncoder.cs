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
        where TUnion : IPacketUnion<TUnion> => Write(packet, ReadOnlySpan<byte>.Empty, destination);

    /// <summary>
    /// Writes the frame with <paramref name="trailingBytes"/> after the packet's fields, inside the frame and
    /// counted in its declared length: how fields a newer peer appended are carried through unchanged. Only
    /// length-framed unions can carry them.
    /// </summary>
    public static int Write<TUnion>(TUnion packet, ReadOnlySpan<byte> trailingBytes, Span<byte> destination)
        where TUnion : IPacketUnion<TUnion>
    {
        ArgumentNullException.ThrowIfNull(packet);
        if (!trailingBytes.IsEmpty && TUnion.FrameFormat != FrameFormat.TypeAndLength32)
        {
            throw new ArgumentException("Only a length-framed union's frames can carry bytes after their fields.", nameof(trailingBytes));
        }

        var fieldsSize = packet.WireSize;
        var bodySize = checked(fieldsSize + trailingBytes.Length);
        var headerSize = FrameHeader.SizeOf(TUnion.FrameFormat);
        if (destination.Length < headerSize + bodySize)
        {
            WireCodec.ThrowDestinationTooShort(headerSize + bodySize, destination.Length);
        }

        FrameHeader.Write(TUnion.FrameFormat, packet.PacketType, bodySize, destination);
        var writer = new WireWriter(destination.Slice(headerSize, fieldsSize));
        packet.WriteTo(ref writer);
        trailingBytes.CopyTo(destination.Slice(headerSize + writer.Position));
        return headerSize + writer.Position + trailingBytes.Length;
    }

    /// <summary>Writes the frame to <paramref name="destination"/>.</summary>
    public static void Write<TUnion>(TUnion packet, IBufferWriter<byte> destination)
        where TUnion : IPacketUnion<TUnion> => Write(packet, ReadOnlySpan<byte>.Empty, destination);

    /// <summary>Writes the frame, with <paramref name="trailingBytes"/> after the packet's fields, to <paramref name="destination"/>.</summary>
    public static void Write<TUnion>(TUnion packet, ReadOnlySpan<byte> trailingBytes, IBufferWriter<byte> destination)
        where TUnion : IPacketUnion<TUnion>
    {
        ArgumentNullException.ThrowIfNull(destination);
        var size = checked(GetFrameSize(packet) + trailingBytes.Length);
        var written = Write(packet, trailingBytes, destination.GetSpan(size));
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
