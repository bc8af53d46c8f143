using System;
using System.Buffers.Binary;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using ProtocolGen.Layout;
using ProtocolGen.Wire;

// For generated code; not a stable API (see Internal/NamespaceDoc.cs).
namespace ProtocolGen.Internal;

/// <summary>
/// The checks and reads generated views share, for generated code. A view's bytes are checked once, when it is
/// made: its <c>Check</c> says where the fields end, or -1 when they break the record decoder's rules, and only then
/// is the record decoder asked what is wrong and where (<see cref="Outcome{T}"/>), so the error is exactly the
/// record path's. After that, accessors read without checking the protocol again; every read stays a bounds-checked
/// span read.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ViewReads
{
    /// <summary>
    /// The outcome of a view's check of <paramref name="bytes"/>: valid fields ending at <paramref name="end"/>, or,
    /// when <paramref name="end"/> is -1, the error the record decoder reports for the same bytes.
    /// </summary>
    public static ViewCheck Outcome<T>(ReadOnlySpan<byte> bytes, int end)
        where T : IWireStruct<T>
    {
        if (end >= 0)
        {
            return ViewCheck.Valid(end);
        }

        var reader = new WireReader(bytes);
        var read = T.TryReadFrom(ref reader, out _);
        return reader.Fault is { } fault
            ? ViewCheck.Refused(fault, reader.FaultOffset, reader.Position)
            : ViewCheck.Refused(ProtocolErrorKind.InvalidValue, read ? 0 : reader.Position, reader.Position);
    }

    /// <summary>
    /// A generated view loop's good path, after the packet's own check said its fields end at <paramref name="end"/>
    /// (-1 when they are not valid): the reader is left where the record decoder leaves it after the fields, as
    /// <see cref="Views.ViewFrame{TChecks}.TryCheckBody"/> would, and the framing (<see cref="FrameBody.Close"/>) decides.
    /// On <see cref="FrameStep.Packet"/>, <paramref name="fields"/> are the bytes the packet's view reads: the whole body
    /// when the frame declares its length, else the fields the check found (the frame ends after them).
    /// <see cref="FrameStep.Body"/> when the check failed: nothing was changed, and the record decoder's verdict must
    /// be asked for (<see cref="Views.ViewFrame{TChecks}.TryCheckBody"/>), for the exact error.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FrameStep Accept<TChecks>(ref FrameBody body, int end, bool isFinalBlock, in Framing.FrameDecoderOptions options, out ReadOnlySpan<byte> fields)
        where TChecks : struct, IViewChecks
    {
        if (end < 0)
        {
            fields = default;
            return FrameStep.Body;
        }

        var bytes = body.Reader.UnreadSpan;
        fields = TChecks.FrameFormat == FrameFormat.TypeAndLength32 ? bytes : bytes.Slice(0, end);
        body.Reader.Advance(end);
        return body.Close(TChecks.FrameFormat, read: true, isFinalBlock, options);
    }

    /// <summary>
    /// A generated view loop's good path for a frame <see cref="FrameBody.TryOpenWhole"/> opened with
    /// <paramref name="reader"/>, after the packet's own check said its fields end at <paramref name="end"/> (-1 when
    /// they are not valid): whether the frame is a packet, by <see cref="FrameBody.IsWholePacket"/> on the reader left
    /// after the fields, as <see cref="Accept{TChecks}"/> and <see cref="FrameBody.Close"/> would decide. False for
    /// anything else: the caller then takes the full steps, which make the error.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWholeView(WireReader reader, int end, in Framing.FrameDecoderOptions options)
    {
        if (end < 0)
        {
            return false;
        }

        reader.Advance(end);
        return FrameBody.IsWholePacket(reader, options);
    }

    /// <summary>The name of the packet of <typeparamref name="TUnion"/> that <paramref name="packetType"/> names, or null.</summary>
    public static string? PacketName<TUnion>(byte packetType)
        where TUnion : IPacketUnion<TUnion> => TUnion.GetPacketName(packetType);

    /// <summary>Every packet layout of <typeparamref name="TUnion"/>.</summary>
    public static System.Collections.Immutable.ImmutableArray<PacketLayout> Layouts<TUnion>()
        where TUnion : IPacketUnion<TUnion> => TUnion.Layouts;

    /// <summary>
    /// The length or count in the prefix at <paramref name="prefixAt"/> (already within the bytes), when that many
    /// elements of <paramref name="elementSize"/> bytes (at least 1) fit after it; else -1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CheckedCount(ReadOnlySpan<byte> bytes, int prefixAt, PrefixWidth width, bool bigEndian, int elementSize)
    {
        var count = (uint)ReadPrefix(bytes, prefixAt, width, bigEndian);
        var rest = bytes.Length - prefixAt - (int)width;
        return (ulong)count * (ulong)Math.Max(1, elementSize) <= (ulong)rest ? (int)count : -1;
    }

    /// <summary>Whether every byte is a boolean, 0 or 1.</summary>
    public static bool AreBooleans(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExcept((byte)0, (byte)1) < 0;

    /// <summary>Whether <paramref name="bytes"/> are valid UTF-8, as <see cref="System.Text.Unicode.Utf8.IsValid"/> says, but vectorised past ASCII (<see cref="Utf8Validator"/>).</summary>
    public static bool IsUtf8(ReadOnlySpan<byte> bytes) => Utf8Validator.IsValid(bytes);

    /// <summary>Checks a hand-written wire structure at <paramref name="at"/> by reading it: where it ends, or -1.</summary>
    public static int CheckStruct<T>(ReadOnlySpan<byte> bytes, int at)
        where T : IWireStruct<T>
    {
        var reader = new WireReader(bytes.Slice(at));
        return T.TryReadFrom(ref reader, out _) && !reader.HasFailed ? at + reader.Position : -1;
    }

    /// <summary>Reads a checked hand-written wire structure that starts <paramref name="bytes"/>.</summary>
    public static T ReadStruct<T>(ReadOnlySpan<byte> bytes)
        where T : IWireStruct<T>
    {
        var reader = new WireReader(bytes);
        T.TryReadFrom(ref reader, out var value);
        return value!;
    }

    /// <summary>How many bytes the checked hand-written wire structure that starts <paramref name="bytes"/> takes.</summary>
    public static int StructLength<T>(ReadOnlySpan<byte> bytes)
        where T : IWireStruct<T>
    {
        var reader = new WireReader(bytes);
        T.TryReadFrom(ref reader, out _);
        return reader.Position;
    }

    /// <summary>Reads a checked length or count prefix.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ReadPrefix(ReadOnlySpan<byte> bytes, int at, PrefixWidth width, bool bigEndian) => width switch
    {
        PrefixWidth.U8 => bytes[at],
        PrefixWidth.U16 => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(at, 2)) : BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(at, 2)),
        _ => unchecked((int)(bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(at, 4)) : BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(at, 4)))),
    };
}
