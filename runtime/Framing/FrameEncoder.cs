using System;
using System.Buffers;

namespace ProtocolGen;

/// <summary>
/// Writes packets as frames of their union's <see cref="FrameFormat"/>. Every check (null members, text, prefixes,
/// sizes, the body cap of <see cref="FrameEncoderOptions"/>) happens before the first byte is written, and a refused
/// packet throws <see cref="WireEncodeException"/>, leaving the destination untouched.
/// </summary>
public static class FrameEncoder
{
    /// <summary>The frame's size: header and body. Throws <see cref="WireEncodeException"/> for a packet that cannot be encoded.</summary>
    public static int GetFrameSize<TUnion>(TUnion packet, in FrameEncoderOptions options = default)
        where TUnion : IPacketUnion<TUnion>
    {
        ArgumentNullException.ThrowIfNull(packet);
        return FrameHeader.SizeOf(TUnion.FrameFormat) + CheckedBodySize(packet.WireSize, 0, options);
    }

    /// <summary>Writes the frame at the start of <paramref name="destination"/> and returns its size.</summary>
    public static int Write<TUnion>(TUnion packet, Span<byte> destination)
        where TUnion : IPacketUnion<TUnion> => Write(packet, ReadOnlySpan<byte>.Empty, destination, default);

    /// <summary>Writes the frame at the start of <paramref name="destination"/>, refusing what <paramref name="options"/> refuses, and returns its size.</summary>
    public static int Write<TUnion>(TUnion packet, Span<byte> destination, in FrameEncoderOptions options)
        where TUnion : IPacketUnion<TUnion> => Write(packet, ReadOnlySpan<byte>.Empty, destination, options);

    /// <summary>
    /// Writes the frame with <paramref name="trailingBytes"/> after the packet's fields, inside the frame and
    /// counted in its declared length: how fields a newer peer appended are carried through unchanged. Only
    /// length-framed unions can carry them.
    /// </summary>
    public static int Write<TUnion>(TUnion packet, ReadOnlySpan<byte> trailingBytes, Span<byte> destination, in FrameEncoderOptions options = default)
        where TUnion : IPacketUnion<TUnion>
    {
        ArgumentNullException.ThrowIfNull(packet);
        CheckTrailing<TUnion>(trailingBytes);
        return WriteSized(packet, packet.WireSize, trailingBytes, destination, options);
    }

    /// <summary>Writes the frame to <paramref name="destination"/>.</summary>
    public static void Write<TUnion>(TUnion packet, IBufferWriter<byte> destination)
        where TUnion : IPacketUnion<TUnion> => Write(packet, ReadOnlySpan<byte>.Empty, destination, default);

    /// <summary>Writes the frame, with <paramref name="trailingBytes"/> after the packet's fields, to <paramref name="destination"/>.</summary>
    public static void Write<TUnion>(TUnion packet, ReadOnlySpan<byte> trailingBytes, IBufferWriter<byte> destination, in FrameEncoderOptions options = default)
        where TUnion : IPacketUnion<TUnion>
    {
        ArgumentNullException.ThrowIfNull(packet);
        ArgumentNullException.ThrowIfNull(destination);
        CheckTrailing<TUnion>(trailingBytes);
        var fieldsSize = packet.WireSize;
        var frameSize = FrameHeader.SizeOf(TUnion.FrameFormat) + CheckedBodySize(fieldsSize, trailingBytes.Length, options);
        var written = WriteSized(packet, fieldsSize, trailingBytes, destination.GetSpan(frameSize), options);
        destination.Advance(written);
    }

    /// <summary>Writes the frame into a new array of exactly its size.</summary>
    public static byte[] ToArray<TUnion>(TUnion packet, in FrameEncoderOptions options = default)
        where TUnion : IPacketUnion<TUnion>
    {
        ArgumentNullException.ThrowIfNull(packet);
        var fieldsSize = packet.WireSize;
        var frame = new byte[FrameHeader.SizeOf(TUnion.FrameFormat) + CheckedBodySize(fieldsSize, 0, options)];
        WriteSized(packet, fieldsSize, ReadOnlySpan<byte>.Empty, frame, options);
        return frame;
    }

    // The one writer behind every entry point: the packet's WireSize, which checked its fields, is computed once by the caller.
    private static int WriteSized<TUnion>(TUnion packet, int fieldsSize, ReadOnlySpan<byte> trailingBytes, Span<byte> destination, in FrameEncoderOptions options)
        where TUnion : IPacketUnion<TUnion>
    {
        var bodySize = CheckedBodySize(fieldsSize, trailingBytes.Length, options);
        var headerSize = FrameHeader.SizeOf(TUnion.FrameFormat);
        if (destination.Length - headerSize < bodySize)
        {
            WireCodec.ThrowDestinationTooShort(headerSize + bodySize, destination.Length);
        }

        FrameHeader.Write(TUnion.FrameFormat, packet.PacketType, bodySize, destination);
        var writer = new WireWriter(destination.Slice(headerSize, fieldsSize));
        packet.WriteTo(ref writer);
        trailingBytes.CopyTo(destination.Slice(headerSize + writer.Position));
        return headerSize + writer.Position + trailingBytes.Length;
    }

    private static int CheckedBodySize(int fieldsSize, int trailingLength, in FrameEncoderOptions options)
    {
        // The cap is at most FrameDecoderOptions.LargestMaxBodyLength, so a body within it leaves room for the header.
        var bodySize = (long)fieldsSize + trailingLength;
        return bodySize <= options.MaxBodyLength ? (int)bodySize : throw WireEncodeException.BodyOverCap(bodySize, options.MaxBodyLength);
    }

    private static void CheckTrailing<TUnion>(ReadOnlySpan<byte> trailingBytes)
        where TUnion : IPacketUnion<TUnion>
    {
        if (!trailingBytes.IsEmpty && TUnion.FrameFormat != FrameFormat.TypeAndLength32)
        {
            throw new ArgumentException("Only a length-framed union's frames can carry bytes after their fields.", nameof(trailingBytes));
        }
    }
}
