using System;
using System.Buffers;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using ProtocolGen.Internal;
using ProtocolGen.Wire;

namespace ProtocolGen.Framing;

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
        return TUnion.FrameFormat == FrameFormat.Header
            ? TUnion.GetFrameSize(packet, 0, options)
            : FrameHeader.SizeOf(TUnion.FrameFormat) + CheckedBodySize(packet.WireSize, 0, options);
    }

    /// <summary><see cref="GetFrameSize{TUnion}"/> for a union framed by <typeparamref name="THeader"/>, with <paramref name="trailingLength"/> bytes after the fields.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static int GetHeaderFrameSize<TUnion, THeader>(TUnion packet, int trailingLength, in FrameEncoderOptions options)
        where TUnion : IPacketUnion<TUnion>
        where THeader : IFrameHeader<THeader>
    {
        ArgumentNullException.ThrowIfNull(packet);
        return THeader.Size + CheckedHeaderBody<THeader>(packet.WireSize, trailingLength, options);
    }

    /// <summary>
    /// Writes the frame of a union framed by <typeparamref name="THeader"/>: its header, with the type
    /// <typeparamref name="TCodec"/> gives the packet and the body's length, then the packet's fields and
    /// <paramref name="trailingBytes"/>; returns its size.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static int WriteHeaderFrame<TUnion, THeader, TCodec>(TUnion packet, ReadOnlySpan<byte> trailingBytes, Span<byte> destination, in FrameEncoderOptions options)
        where TUnion : IPacketUnion<TUnion>
        where THeader : IFrameHeader<THeader>
        where TCodec : struct, IHeaderFrameCodec<TUnion>
    {
        ArgumentNullException.ThrowIfNull(packet);
        var type = TCodec.TypeOf(packet);
        var fieldsSize = packet.WireSize;
        var bodySize = CheckedHeaderBody<THeader>(fieldsSize, trailingBytes.Length, options);
        var headerSize = THeader.Size;
        if (destination.Length - headerSize < bodySize)
        {
            WireCodec.ThrowDestinationTooShort(headerSize + bodySize, destination.Length);
        }

        THeader.Write(type, bodySize, default!, destination);
        var writer = new WireWriter(destination.Slice(headerSize, fieldsSize));
        packet.WriteAfterSize(ref writer);
        if (!trailingBytes.IsEmpty)
        {
            trailingBytes.CopyTo(destination.Slice(headerSize + writer.Position));
        }

        return headerSize + writer.Position + trailingBytes.Length;
    }

    /// <summary><see cref="ToArray{TUnion}"/> for a union framed by <typeparamref name="THeader"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static byte[] HeaderFrameToArray<TUnion, THeader, TCodec>(TUnion packet, in FrameEncoderOptions options = default)
        where TUnion : IPacketUnion<TUnion>
        where THeader : IFrameHeader<THeader>
        where TCodec : struct, IHeaderFrameCodec<TUnion>
    {
        var frame = new byte[GetHeaderFrameSize<TUnion, THeader>(packet, 0, options)];
        WriteHeaderFrame<TUnion, THeader, TCodec>(packet, ReadOnlySpan<byte>.Empty, frame, options);
        return frame;
    }

    /// <summary><see cref="Write{TUnion}(TUnion, IBufferWriter{byte})"/> for a union framed by <typeparamref name="THeader"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void WriteHeaderFrame<TUnion, THeader, TCodec>(TUnion packet, ReadOnlySpan<byte> trailingBytes, IBufferWriter<byte> destination, in FrameEncoderOptions options = default)
        where TUnion : IPacketUnion<TUnion>
        where THeader : IFrameHeader<THeader>
        where TCodec : struct, IHeaderFrameCodec<TUnion>
    {
        ArgumentNullException.ThrowIfNull(destination);
        var frameSize = GetHeaderFrameSize<TUnion, THeader>(packet, trailingBytes.Length, options);
        var written = WriteHeaderFrame<TUnion, THeader, TCodec>(packet, trailingBytes, destination.GetSpan(frameSize), options);
        destination.Advance(written);
    }

    /// <summary>
    /// <see cref="WritePacket{TUnion, TCodec, TPacket}"/> for a union framed by <typeparamref name="THeader"/>: the
    /// caller's type switch knows the packet's type and its frame type, so once inlined there its size and writer
    /// are direct calls, and a constant-size packet's frame costs one bounds check.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteHeaderPacket<THeader, TPacket>(ulong type, TPacket packet, Span<byte> destination)
        where THeader : IFrameHeader<THeader>
        where TPacket : IWireStruct<TPacket>
    {
        var bodySize = CheckedHeaderBody<THeader>(packet.WireSize, 0, FrameDecoderOptions.DefaultMaxBodyLength);
        var frameSize = THeader.Size + bodySize;
        if (destination.Length < frameSize)
        {
            WireCodec.ThrowDestinationTooShort(frameSize, destination.Length);
        }

        WriteHeaderAndFields<THeader, TPacket>(type, packet, bodySize, destination.Slice(0, frameSize));
        return frameSize;
    }

    /// <summary><see cref="WriteHeaderPacket{THeader, TPacket}"/> into a new array of the frame's size.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte[] HeaderPacketToArray<THeader, TPacket>(ulong type, TPacket packet)
        where THeader : IFrameHeader<THeader>
        where TPacket : IWireStruct<TPacket>
    {
        var bodySize = CheckedHeaderBody<THeader>(packet.WireSize, 0, FrameDecoderOptions.DefaultMaxBodyLength);
        var frame = new byte[THeader.Size + bodySize];
        WriteHeaderAndFields<THeader, TPacket>(type, packet, bodySize, frame);
        return frame;
    }

    // The header declaring a body of bodySize bytes, then the packet's fields (sized and checked), into exactly the frame's bytes.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteHeaderAndFields<THeader, TPacket>(ulong type, TPacket packet, int bodySize, Span<byte> frame)
        where THeader : IFrameHeader<THeader>
        where TPacket : IWireStruct<TPacket>
    {
        THeader.Write(type, bodySize, default!, frame);
        var writer = new WireWriter(frame.Slice(THeader.Size));
        packet.WriteAfterSize(ref writer);
    }

    // The body's size, refused when over the cap or when the header's length field cannot say it.
    private static int CheckedHeaderBody<THeader>(int fieldsSize, int trailingLength, in FrameEncoderOptions options)
        where THeader : IFrameHeader<THeader> => CheckedHeaderBody<THeader>(fieldsSize, trailingLength, options.MaxBodyLength);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CheckedHeaderBody<THeader>(int fieldsSize, int trailingLength, int maxBodyLength)
        where THeader : IFrameHeader<THeader>
    {
        var bodySize = CheckedBodySize(fieldsSize, trailingLength, maxBodyLength);
        return THeader.CanDeclare(bodySize) ? bodySize : throw WireEncodeException.BodyCannotBeDeclared(bodySize, typeof(THeader).Name);
    }

    /// <summary><see cref="Write{TUnion}(TUnion, Span{byte})"/>, compiled for the union's own <see cref="IFrameCodec{TUnion}"/>.</summary>
    /// <remarks>
    /// A generated type switch's fallback (null, or a type it does not list): not inlined, so the switch, which
    /// calls a packet's own writer for every listed type, sets up no writer of its own on each call.
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Write<TUnion, TCodec>(TUnion packet, Span<byte> destination, in FrameEncoderOptions options = default)
        where TUnion : IPacketUnion<TUnion>
        where TCodec : struct, IFrameCodec<TUnion>
    {
        ArgumentNullException.ThrowIfNull(packet);
        return WriteSized<TUnion, TCodec>(packet, packet.WireSize, ReadOnlySpan<byte>.Empty, destination, options);
    }

    /// <summary>
    /// Writes a packet whose type the caller's type switch already knows: once inlined there, its size, type byte and
    /// writer are direct calls a sealed packet's code can inline, not three virtual calls through the union.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WritePacket<TUnion, TCodec, TPacket>(TPacket packet, Span<byte> destination)
        where TUnion : IPacketUnion<TUnion>
        where TCodec : struct, IFrameCodec<TUnion>
        where TPacket : TUnion, IWireStruct<TPacket>
    {
        var fieldsSize = packet.WireSize;
        var bodySize = CheckedBodySize(fieldsSize, 0, FrameDecoderOptions.DefaultMaxBodyLength);
        var headerSize = FrameHeader.SizeOf(TCodec.FrameFormat);
        if (TPacket.IsFixedSize)
        {
            // A constant once inlined for the packet: the frame's size is known, so one bounds check covers the
            // header and the body, and a packet that writes at constant offsets (its WriteAfterSize inlined) needs no other.
            var frameSize = headerSize + TPacket.MinWireSize;
            if (destination.Length < frameSize)
            {
                WireCodec.ThrowDestinationTooShort(frameSize, destination.Length);
            }

            var frame = destination.Slice(0, frameSize);
            FrameHeader.Write(TCodec.FrameFormat, packet.PacketType, TPacket.MinWireSize, frame);
            var fixedWriter = new WireWriter(frame.Slice(headerSize));
            packet.WriteAfterSize(ref fixedWriter);
            return frameSize;
        }

        if (destination.Length - headerSize < bodySize)
        {
            WireCodec.ThrowDestinationTooShort(headerSize + bodySize, destination.Length);
        }

        FrameHeader.Write(TCodec.FrameFormat, packet.PacketType, bodySize, destination);
        var writer = new WireWriter(destination.Slice(headerSize, fieldsSize));
        packet.WriteAfterSize(ref writer);
        return headerSize + writer.Position;
    }

    /// <summary>
    /// <see cref="ToArray{TUnion}"/> for a packet whose type the caller's type switch already knows (see
    /// <see cref="WritePacket{TUnion, TCodec, TPacket}"/>).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte[] PacketToArray<TUnion, TCodec, TPacket>(TPacket packet)
        where TUnion : IPacketUnion<TUnion>
        where TCodec : struct, IFrameCodec<TUnion>
        where TPacket : TUnion
    {
        var fieldsSize = packet.WireSize;
        var headerSize = FrameHeader.SizeOf(TCodec.FrameFormat);
        var bodySize = CheckedBodySize(fieldsSize, 0, FrameDecoderOptions.DefaultMaxBodyLength);
        var frame = new byte[headerSize + bodySize];
        FrameHeader.Write(TCodec.FrameFormat, packet.PacketType, bodySize, frame);
        var writer = new WireWriter(frame.AsSpan(headerSize, fieldsSize));
        packet.WriteAfterSize(ref writer);
        return frame;
    }

    /// <summary><see cref="Write{TUnion}(TUnion, IBufferWriter{byte})"/>, compiled for the union's own <see cref="IFrameCodec{TUnion}"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Write<TUnion, TCodec>(TUnion packet, IBufferWriter<byte> destination, in FrameEncoderOptions options = default)
        where TUnion : IPacketUnion<TUnion>
        where TCodec : struct, IFrameCodec<TUnion> => WriteTo<TUnion, TCodec>(packet, ReadOnlySpan<byte>.Empty, destination, options);

    /// <summary><see cref="ToArray{TUnion}"/>, compiled for the union's own <see cref="IFrameCodec{TUnion}"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static byte[] ToArray<TUnion, TCodec>(TUnion packet, in FrameEncoderOptions options = default)
        where TUnion : IPacketUnion<TUnion>
        where TCodec : struct, IFrameCodec<TUnion>
    {
        ArgumentNullException.ThrowIfNull(packet);
        var fieldsSize = packet.WireSize;
        var frame = new byte[FrameHeader.SizeOf(TCodec.FrameFormat) + CheckedBodySize(fieldsSize, 0, options)];
        WriteSized<TUnion, TCodec>(packet, fieldsSize, ReadOnlySpan<byte>.Empty, frame, options);
        return frame;
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
        return TUnion.FrameFormat == FrameFormat.Header
            ? TUnion.WriteFrame(packet, trailingBytes, destination, options)
            : WriteSized<TUnion, PacketUnionCodec<TUnion>>(packet, packet.WireSize, trailingBytes, destination, options);
    }

    /// <summary>Writes the frame to <paramref name="destination"/>.</summary>
    public static void Write<TUnion>(TUnion packet, IBufferWriter<byte> destination)
        where TUnion : IPacketUnion<TUnion> => Write(packet, ReadOnlySpan<byte>.Empty, destination, default);

    /// <summary>Writes the frame, with <paramref name="trailingBytes"/> after the packet's fields, to <paramref name="destination"/>.</summary>
    public static void Write<TUnion>(TUnion packet, ReadOnlySpan<byte> trailingBytes, IBufferWriter<byte> destination, in FrameEncoderOptions options = default)
        where TUnion : IPacketUnion<TUnion>
    {
        CheckTrailing<TUnion>(trailingBytes);
        if (TUnion.FrameFormat == FrameFormat.Header)
        {
            ArgumentNullException.ThrowIfNull(destination);
            var frameSize = TUnion.GetFrameSize(packet, trailingBytes.Length, options);
            destination.Advance(TUnion.WriteFrame(packet, trailingBytes, destination.GetSpan(frameSize), options));
            return;
        }

        WriteTo<TUnion, PacketUnionCodec<TUnion>>(packet, trailingBytes, destination, options);
    }

    /// <summary>Writes the frame into a new array of exactly its size.</summary>
    public static byte[] ToArray<TUnion>(TUnion packet, in FrameEncoderOptions options = default)
        where TUnion : IPacketUnion<TUnion>
    {
        if (TUnion.FrameFormat != FrameFormat.Header)
        {
            return ToArray<TUnion, PacketUnionCodec<TUnion>>(packet, options);
        }

        var frame = new byte[TUnion.GetFrameSize(packet, 0, options)];
        TUnion.WriteFrame(packet, ReadOnlySpan<byte>.Empty, frame, options);
        return frame;
    }

    /// <summary>The frame writer behind <see cref="IPacketUnion{TSelf}.WriteFrame"/>'s default, for the built-in formats.</summary>
    internal static int WriteBuiltIn<TUnion>(TUnion packet, ReadOnlySpan<byte> trailingBytes, Span<byte> destination, in FrameEncoderOptions options)
        where TUnion : IPacketUnion<TUnion>
    {
        ArgumentNullException.ThrowIfNull(packet);
        return WriteSized<TUnion, PacketUnionCodec<TUnion>>(packet, packet.WireSize, trailingBytes, destination, options);
    }

    /// <summary>The frame size behind <see cref="IPacketUnion{TSelf}.GetFrameSize"/>'s default, for the built-in formats.</summary>
    internal static int BuiltInFrameSize<TUnion>(TUnion packet, int trailingLength, in FrameEncoderOptions options)
        where TUnion : IPacketUnion<TUnion>
    {
        ArgumentNullException.ThrowIfNull(packet);
        return FrameHeader.SizeOf(TUnion.FrameFormat) + CheckedBodySize(packet.WireSize, trailingLength, options);
    }

    private static void WriteTo<TUnion, TCodec>(TUnion packet, ReadOnlySpan<byte> trailingBytes, IBufferWriter<byte> destination, in FrameEncoderOptions options)
        where TUnion : IPacketUnion<TUnion>
        where TCodec : struct, IFrameCodec<TUnion>
    {
        ArgumentNullException.ThrowIfNull(packet);
        ArgumentNullException.ThrowIfNull(destination);
        var fieldsSize = packet.WireSize;
        var frameSize = FrameHeader.SizeOf(TCodec.FrameFormat) + CheckedBodySize(fieldsSize, trailingBytes.Length, options);
        var written = WriteSized<TUnion, TCodec>(packet, fieldsSize, trailingBytes, destination.GetSpan(frameSize), options);
        destination.Advance(written);
    }

    // The one writer behind every entry point: the packet's WireSize, which checked its fields, is computed once by the caller.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int WriteSized<TUnion, TCodec>(TUnion packet, int fieldsSize, ReadOnlySpan<byte> trailingBytes, Span<byte> destination, in FrameEncoderOptions options)
        where TUnion : IPacketUnion<TUnion>
        where TCodec : struct, IFrameCodec<TUnion>
    {
        var bodySize = CheckedBodySize(fieldsSize, trailingBytes.Length, options);
        var headerSize = FrameHeader.SizeOf(TCodec.FrameFormat);
        if (destination.Length - headerSize < bodySize)
        {
            WireCodec.ThrowDestinationTooShort(headerSize + bodySize, destination.Length);
        }

        FrameHeader.Write(TCodec.FrameFormat, packet.PacketType, bodySize, destination);
        var writer = new WireWriter(destination.Slice(headerSize, fieldsSize));
        packet.WriteAfterSize(ref writer);
        if (!trailingBytes.IsEmpty)
        {
            trailingBytes.CopyTo(destination.Slice(headerSize + writer.Position));
        }

        return headerSize + writer.Position + trailingBytes.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CheckedBodySize(int fieldsSize, int trailingLength, in FrameEncoderOptions options) =>
        CheckedBodySize(fieldsSize, trailingLength, options.MaxBodyLength);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CheckedBodySize(int fieldsSize, int trailingLength, int maxBodyLength)
    {
        // The cap is at most FrameDecoderOptions.LargestMaxBodyLength, so a body within it leaves room for the header.
        var bodySize = (long)fieldsSize + trailingLength;
        return bodySize <= maxBodyLength ? (int)bodySize : throw WireEncodeException.BodyOverCap(bodySize, maxBodyLength);
    }

    private static void CheckTrailing<TUnion>(ReadOnlySpan<byte> trailingBytes)
        where TUnion : IPacketUnion<TUnion>
    {
        if (!trailingBytes.IsEmpty && TUnion.FrameFormat == FrameFormat.TypeOnly)
        {
            throw new ArgumentException("Only a length-framed union's frames can carry bytes after their fields.", nameof(trailingBytes));
        }
    }
}
