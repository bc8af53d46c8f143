using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace ProtocolGen.Framing;

/// <summary>The frame header rules of each <see cref="FrameFormat"/>, stated once for encoders and decoders.</summary>
public static class FrameHeader
{
    /// <summary>The header size of <see cref="FrameFormat.TypeAndLength32"/>: the type byte and a u32 body length.</summary>
    public const int TypeAndLength32Size = 5;

    /// <summary>The header size of <see cref="FrameFormat.TypeOnly"/>: the type byte.</summary>
    public const int TypeOnlySize = 1;

    /// <summary>The header size of <paramref name="format"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SizeOf(FrameFormat format) => format == FrameFormat.TypeAndLength32 ? TypeAndLength32Size : TypeOnlySize;

    /// <summary>Writes the header of a frame and returns its size.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Write(FrameFormat format, byte packetType, int bodyLength, Span<byte> destination)
    {
        destination[0] = packetType;
        if (format == FrameFormat.TypeAndLength32)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(1, 4), (uint)bodyLength);
            return TypeAndLength32Size;
        }

        return TypeOnlySize;
    }

    /// <summary>
    /// Reads a <see cref="FrameFormat.TypeAndLength32"/> header; false when fewer than
    /// <see cref="TypeAndLength32Size"/> bytes are given.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadTypeAndLength(ReadOnlySpan<byte> source, out byte packetType, out uint bodyLength)
    {
        if (source.Length < TypeAndLength32Size)
        {
            packetType = source.IsEmpty ? (byte)0 : source[0];
            bodyLength = 0;
            return false;
        }

        packetType = source[0];
        bodyLength = BinaryPrimitives.ReadUInt32LittleEndian(source.Slice(1));
        return true;
    }

    /// <summary>
    /// The whole size (header and declared body) of the <see cref="FrameFormat.TypeAndLength32"/> frame whose
    /// header starts <paramref name="source"/>; false when fewer than <see cref="TypeAndLength32Size"/> bytes are given.
    /// </summary>
    public static bool TryGetFrameLength(ReadOnlySpan<byte> source, out long frameLength)
    {
        var complete = TryReadTypeAndLength(source, out _, out var bodyLength);
        frameLength = complete ? TypeAndLength32Size + (long)bodyLength : 0;
        return complete;
    }
}
