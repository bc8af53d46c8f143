using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using ProtocolGen.Framing;
using ProtocolGen.Wire;

namespace ProtocolGen.Internal;

/// <summary>What one step of decoding a frame found, for <see cref="FrameBody"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum FrameStep : byte
{
    /// <summary>The buffer holds only part of a frame and more data may follow (or it is empty): nothing to report yet.</summary>
    NeedMore,

    /// <summary>The header is good and the body is in the buffer: read it from <see cref="FrameBody.Reader"/>, then <see cref="FrameBody.Close"/>.</summary>
    Body,

    /// <summary>The body held a packet; <see cref="FrameBody.Length"/> is the frame's size.</summary>
    Packet,

    /// <summary>The frame is bad; <see cref="FrameBody.Error"/> says why and <see cref="FrameBody.Length"/> how much to skip.</summary>
    Fault,
}

/// <summary>
/// The framing rules of one frame, written once and split around the read of its body, so that the union-specific
/// part (the type switch and the packet's reader) is a direct call in between: <see cref="Open"/> checks the header
/// and hands over a reader on the body, the union reads the body, and <see cref="Close"/> decides whether the frame
/// is a packet or an error and how many bytes it takes. <see cref="FrameDecoder"/>'s generic path and each
/// generated union's own decoder (its <c>FrameCodec.TryDecode</c>) both run these, so they cannot disagree.
/// </summary>
/// <remarks>For generated code; everything a caller may need is on <see cref="FrameResult{TUnion}"/>.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct FrameBody
{
    /// <summary>A reader over the body (for <see cref="FrameFormat.TypeOnly"/>, over the rest of the buffer up to the cap).</summary>
    public WireReader Reader;

    private ProtocolErrorKind _fault;
    private uint? _declared;
    private ulong? _headerType;
    private int _bodyOffset;
    private int _bufferLength;
    private bool _capped;

    /// <summary>The frame's type byte (0 when the buffer was empty).</summary>
    public byte Type { get; private set; }

    /// <summary>After <see cref="FrameStep.Packet"/> or <see cref="FrameStep.Fault"/>: how many bytes the frame occupies, header included.</summary>
    public long Length { get; private set; }

    /// <summary>After <see cref="FrameStep.Packet"/>: the bytes after the packet's fields that were skipped.</summary>
    public int TrailingLength { get; private set; }

    /// <summary>
    /// Reads the header of the frame at the start of <paramref name="buffer"/>: <see cref="FrameStep.Body"/> with
    /// <see cref="Reader"/> on the body, <see cref="FrameStep.NeedMore"/>, or <see cref="FrameStep.Fault"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FrameStep Open(ReadOnlySpan<byte> buffer, FrameFormat format, bool isFinalBlock, in FrameDecoderOptions options, out FrameBody frame)
    {
        frame = default;
        if (buffer.IsEmpty)
        {
            return FrameStep.NeedMore;
        }

        frame.Type = buffer[0];
        frame._bufferLength = buffer.Length;
        return format == FrameFormat.TypeAndLength32
            ? frame.OpenTypeAndLength(buffer, isFinalBlock, options)
            : frame.OpenTypeOnly(buffer, options);
    }

    /// <summary>
    /// Decides, after the union read the body (<paramref name="read"/> is what its reader returned), whether the frame
    /// is a <see cref="FrameStep.Packet"/>, a <see cref="FrameStep.Fault"/>, or (a body without a length that ran past
    /// the data) <see cref="FrameStep.NeedMore"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public FrameStep Close(FrameFormat format, bool read, bool isFinalBlock, in FrameDecoderOptions options) =>
        format is FrameFormat.TypeAndLength32 or FrameFormat.Header
            ? CloseTypeAndLength(read, options)
            : CloseTypeOnly(read, isFinalBlock);

    /// <summary>After <see cref="FrameStep.Fault"/>: the error, naming the packet <paramref name="packetName"/>.</summary>
    public readonly ProtocolError Error(long offset, string? packetName) => _headerType is { } wide
        ? new(_fault, offset, wide <= byte.MaxValue ? (byte)wide : null, packetName, _declared, _bodyOffset) { FrameType = wide }
        : new(_fault, offset, Type, packetName, _declared, _bodyOffset);

    /// <summary>The packet type a <c>[FrameHeader]</c> gave (0 before the header is read); <see cref="Type"/> for the built-in formats.</summary>
    public readonly ulong HeaderType => _headerType ?? Type;

    /// <summary>
    /// <see cref="Open"/> for a union framed by <typeparamref name="THeader"/>: the rules of <see cref="FrameFormat.TypeAndLength32"/>
    /// over the header's size and the body length it declares. A header its own rules refuse (magic, fixed values) is
    /// that error, and so is a whole-frame length smaller than the header (<see cref="ProtocolErrorKind.LengthMismatch"/>);
    /// either skips the header's bytes. Close the body with <see cref="Close"/> and <see cref="FrameFormat.Header"/>.
    /// </summary>
    public static FrameStep Open<THeader>(ReadOnlySpan<byte> buffer, bool isFinalBlock, in FrameDecoderOptions options, out FrameBody frame)
        where THeader : IFrameHeader<THeader>
    {
        frame = default;
        if (buffer.IsEmpty)
        {
            return FrameStep.NeedMore;
        }

        frame._bufferLength = buffer.Length;
        frame._headerType = 0;
        var headerSize = THeader.Size;
        if (buffer.Length < headerSize)
        {
            return isFinalBlock ? frame.Fault(ProtocolErrorKind.Truncated, null, 0, buffer.Length) : FrameStep.NeedMore;
        }

        var headerReader = new WireReader(buffer.Slice(0, headerSize));
        if (!THeader.TryRead(ref headerReader, out var type, out var declared, out _))
        {
            // Offsets in errors are the body's, and the header comes before it: a refused header is at body offset 0.
            return frame.Fault(headerReader.Fault ?? ProtocolErrorKind.InvalidValue, null, 0, headerSize);
        }

        frame._headerType = type;
        if (declared < 0)
        {
            return frame.Fault(ProtocolErrorKind.LengthMismatch, null, 0, headerSize);
        }

        return frame.OpenDeclared(buffer, headerSize, declared, isFinalBlock, options);
    }

    /// <summary>
    /// <see cref="TryOpenWhole"/> for a union framed by <typeparamref name="THeader"/>: true, with the packet type and a reader
    /// on the body, when the header is whole and good, its body within the cap and in <paramref name="buffer"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryOpenWhole<THeader>(ReadOnlySpan<byte> buffer, scoped in FrameDecoderOptions options, out ulong type, out WireReader reader)
        where THeader : IFrameHeader<THeader>
    {
        var headerSize = THeader.Size;
        if (buffer.Length >= headerSize)
        {
            if (THeader.TryReadFraming(buffer.Slice(0, headerSize), out type, out var declared)
                && declared >= 0
                && declared <= options.MaxBodyLength
                && declared <= buffer.Length - headerSize)
            {
                reader = new WireReader(buffer.Slice(headerSize, (int)declared), options.VerifyChecksums);
                return true;
            }
        }

        type = 0;
        reader = default;
        return false;
    }

    /// <summary><see cref="WholeLength(in WireReader)"/> for a frame <see cref="TryOpenWhole{THeader}"/> opened.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WholeLength<THeader>(in WireReader reader)
        where THeader : IFrameHeader<THeader> => THeader.Size + reader.Position + reader.Remaining;

    /// <summary>
    /// The whole size (header and declared body) of the frame whose <typeparamref name="THeader"/> starts
    /// <paramref name="source"/>: false when the header is not all there; a header that is refused, or declares a
    /// negative body, is just the header (which is then skipped as an error).
    /// </summary>
    public static bool TryGetFrameLength<THeader>(ReadOnlySpan<byte> source, out long frameLength)
        where THeader : IFrameHeader<THeader>
    {
        var headerSize = THeader.Size;
        if (source.Length < headerSize)
        {
            frameLength = 0;
            return false;
        }

        frameLength = THeader.TryReadFraming(source.Slice(0, headerSize), out _, out var declared) && declared >= 0 ? headerSize + declared : headerSize;
        return true;
    }

    /// <summary>
    /// The result of a step that was not <see cref="FrameStep.Packet"/>: false for <see cref="FrameStep.NeedMore"/>,
    /// else true with the error (<paramref name="packetName"/> is <see cref="Type"/>'s name, or null).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public readonly bool Fail<TUnion>(FrameStep step, long offset, string? packetName, out FrameResult<TUnion> frame)
        where TUnion : IPacketUnion<TUnion>
    {
        if (step == FrameStep.NeedMore)
        {
            frame = default;
            return false;
        }

        frame = new FrameResult<TUnion>(default, Error(offset, packetName), offset, Length);
        return true;
    }

    /// <summary>
    /// The good case of <see cref="Open"/> for <see cref="FrameFormat.TypeAndLength32"/>, which runs it first: true, with
    /// the type byte and a reader on the body, when the header is whole, the declared length within the cap and the
    /// body in <paramref name="buffer"/>. False for anything else (nothing left, a cut, too large a frame): the caller
    /// then takes the full steps, <see cref="Open"/> and <see cref="Close"/>, which decide and make the error.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryOpenWhole(ReadOnlySpan<byte> buffer, scoped in FrameDecoderOptions options, out byte type, out WireReader reader)
    {
        const int headerSize = FrameHeader.TypeAndLength32Size;
        if (FrameHeader.TryReadTypeAndLength(buffer, out type, out var declared)
            && declared <= (uint)options.MaxBodyLength
            && declared <= (uint)(buffer.Length - headerSize))
        {
            reader = new WireReader(buffer.Slice(headerSize, (int)declared), options.VerifyChecksums);
            return true;
        }

        reader = default;
        return false;
    }

    /// <summary>
    /// The good case of <see cref="Close"/> for <see cref="FrameFormat.TypeAndLength32"/>, which runs it first: whether a
    /// body the union's reader accepted (its read returned true) is a packet: no failure recorded, and no bytes after
    /// the fields when <see cref="FrameDecoderOptions.RejectTrailingBytes"/> is set. The frame is then
    /// <see cref="FrameHeader.TypeAndLength32Size"/> plus the body's bytes long, and its trailing bytes are
    /// <see cref="WireReader.Remaining"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWholePacket(in WireReader reader, in FrameDecoderOptions options) =>
        !reader.HasFailed && !(options.RejectTrailingBytes && reader.Remaining > 0);

    /// <summary>
    /// How many bytes the frame <see cref="TryOpenWhole"/> opened with <paramref name="reader"/> occupies, header
    /// included, however much of its body has been read: the header, then the declared body.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WholeLength(in WireReader reader) => FrameHeader.TypeAndLength32Size + reader.Position + reader.Remaining;

    /// <summary>Where decoding resumes after a frame of <paramref name="frameLength"/> bytes at <paramref name="position"/> of a buffer of <paramref name="bufferLength"/> bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Next(int position, int bufferLength, long frameLength) => (int)Math.Min(bufferLength, position + frameLength);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private FrameStep OpenTypeAndLength(ReadOnlySpan<byte> buffer, bool isFinalBlock, in FrameDecoderOptions options)
    {
        const int headerSize = FrameHeader.TypeAndLength32Size;
        if (TryOpenWhole(buffer, options, out _, out Reader))
        {
            _declared = (uint)Reader.Remaining;
            Length = headerSize + Reader.Remaining;
            return FrameStep.Body;
        }

        if (!FrameHeader.TryReadTypeAndLength(buffer, out _, out var declared))
        {
            return isFinalBlock ? Fault(ProtocolErrorKind.Truncated, null, 0, buffer.Length) : FrameStep.NeedMore;
        }

        return OpenDeclared(buffer, headerSize, declared, isFinalBlock, options);
    }

    // The rules of a frame whose whole header, of headerSize bytes, declared a body of declared bytes: within the cap
    // and in the buffer, a body to read; over the cap, FrameTooLarge, skipping the declared frame; else a cut.
    private FrameStep OpenDeclared(ReadOnlySpan<byte> buffer, int headerSize, long declared, bool isFinalBlock, in FrameDecoderOptions options)
    {
        // Lengths wider than 32 bits are reported as the largest a uint holds: they are over any cap anyway.
        var reported = (uint)Math.Min(declared, uint.MaxValue);
        if (declared > options.MaxBodyLength)
        {
            return Fault(ProtocolErrorKind.FrameTooLarge, reported, 0, headerSize + declared);
        }

        if (declared <= buffer.Length - headerSize)
        {
            Reader = new WireReader(buffer.Slice(headerSize, (int)declared), options.VerifyChecksums);
            _declared = reported;
            Length = headerSize + declared;
            return FrameStep.Body;
        }

        // Within the cap, so the body is not all in the buffer.
        return isFinalBlock ? Fault(ProtocolErrorKind.Truncated, reported, buffer.Length - headerSize, buffer.Length) : FrameStep.NeedMore;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private FrameStep CloseTypeAndLength(bool read, in FrameDecoderOptions options)
    {
        if (read && IsWholePacket(Reader, options))
        {
            TrailingLength = Reader.Remaining;
            return FrameStep.Packet;
        }

        return !read || Reader.HasFailed
            ? Fault(Reader.Fault ?? ProtocolErrorKind.SizeMismatch, _declared, Reader.FaultOffset, Length)
            : Fault(ProtocolErrorKind.TrailingBytes, _declared, Reader.Position, Length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private FrameStep OpenTypeOnly(ReadOnlySpan<byte> buffer, in FrameDecoderOptions options)
    {
        // Without a declared length, the cap applies to the bytes a body may take: no frame is held longer than that.
        var body = buffer.Slice(FrameHeader.TypeOnlySize);
        _capped = body.Length >= options.MaxBodyLength;
        Reader = new WireReader(_capped ? body.Slice(0, options.MaxBodyLength) : body, options.VerifyChecksums);
        return FrameStep.Body;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private FrameStep CloseTypeOnly(bool read, bool isFinalBlock)
    {
        const int headerSize = FrameHeader.TypeOnlySize;
        if (read && !Reader.HasFailed)
        {
            Length = headerSize + Reader.Position;
            return FrameStep.Packet;
        }

        return CloseBadTypeOnly(isFinalBlock);
    }

    private FrameStep CloseBadTypeOnly(bool isFinalBlock)
    {
        const int headerSize = FrameHeader.TypeOnlySize;
        switch (Reader.Fault)
        {
            // Without a length, an unknown type byte says nothing about where its body ends: resume at the next byte.
            case ProtocolErrorKind.UnknownType:
                return Fault(ProtocolErrorKind.UnknownType, null, 0, headerSize);

            // The body needs more than the cap: its first MaxBodyLength bytes are dropped, and decoding resumes after them.
            case ProtocolErrorKind.SizeMismatch or ProtocolErrorKind.LengthBeyondFrame when _capped:
                return Fault(ProtocolErrorKind.FrameTooLarge, null, Reader.FaultOffset, headerSize + Reader.Position + Reader.Remaining);

            // The body ran past the data we have: wait for more, or report the cut at the end.
            case ProtocolErrorKind.SizeMismatch or ProtocolErrorKind.LengthBeyondFrame:
                return isFinalBlock ? Fault(ProtocolErrorKind.Truncated, null, _bufferLength - headerSize, _bufferLength) : FrameStep.NeedMore;

            default:
                return Fault(Reader.Fault ?? ProtocolErrorKind.SizeMismatch, null, Reader.FaultOffset, headerSize + Reader.Position);
        }
    }

    private FrameStep Fault(ProtocolErrorKind kind, uint? declared, int bodyOffset, long length)
    {
        _fault = kind;
        _declared = declared;
        _bodyOffset = bodyOffset;
        Length = length;
        return FrameStep.Fault;
    }
}
