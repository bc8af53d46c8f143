using System;
using System.Buffers.Binary;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Unicode;

namespace ProtocolGen;

/// <summary>
/// The checks and reads generated views share, for generated code. A view's bytes are checked once, when it
/// is made (<c>Check</c> methods, with the record decoder's error kinds and offsets); after that, its accessors
/// read without checking the protocol again. Every read stays a bounds-checked span read.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ViewReads
{
    /// <summary>
    /// Checks a length or count prefix at <paramref name="at"/> and moves past it: the prefix must fit, and its
    /// value times <paramref name="elementSize"/> (at least 1) must fit in what follows it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool CheckPrefix(ReadOnlySpan<byte> bytes, ref int at, PrefixWidth width, bool bigEndian, int elementSize, out int value, out ViewCheck fault)
    {
        var size = (int)width;
        if (bytes.Length - at < size)
        {
            value = 0;
            fault = ViewCheck.Short(at);
            return false;
        }

        var prefix = (ulong)ReadPrefix(bytes, at, width, bigEndian);
        var rest = bytes.Length - at - size;
        if (prefix > (ulong)(rest / Math.Max(1, elementSize)))
        {
            value = 0;
            fault = ViewCheck.BeyondFrame(at);
            return false;
        }

        at += size;
        value = (int)prefix;
        fault = default;
        return true;
    }

    /// <summary>
    /// Where the first field of a run that does not fit in <paramref name="available"/> bytes starts, given where each
    /// field of the run ends: the offset the record decoder reports for a body cut inside the run.
    /// </summary>
    public static int FirstShortField(int available, ReadOnlySpan<int> fieldEnds)
    {
        var start = 0;
        foreach (var end in fieldEnds)
        {
            if (end > available)
            {
                return start;
            }

            start = end;
        }

        return start;
    }

    /// <summary>Checks that the <paramref name="length"/> bytes at <paramref name="at"/> are valid UTF-8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool CheckUtf8(ReadOnlySpan<byte> bytes, int at, int length, out ViewCheck fault)
    {
        if (Utf8.IsValid(bytes.Slice(at, length)))
        {
            fault = default;
            return true;
        }

        fault = ViewCheck.Fail(ProtocolErrorKind.InvalidText, at);
        return false;
    }

    /// <summary>Checks that the <paramref name="count"/> booleans at <paramref name="at"/> are each 0 or 1.</summary>
    public static bool CheckBooleans(ReadOnlySpan<byte> bytes, int at, int count, out ViewCheck fault)
    {
        var bad = bytes.Slice(at, count).IndexOfAnyExcept((byte)0, (byte)1);
        fault = bad < 0 ? default : ViewCheck.Invalid(at + bad);
        return bad < 0;
    }

    /// <summary>
    /// Checks a hand-written wire structure at <paramref name="at"/> by reading it, as the record decoder does,
    /// and moves past it.
    /// </summary>
    public static bool CheckStruct<T>(ReadOnlySpan<byte> bytes, ref int at, out ViewCheck fault)
        where T : IWireStruct<T>
    {
        var reader = new WireReader(bytes.Slice(at));
        var read = T.TryReadFrom(ref reader, out _);
        if (reader.HasFailed)
        {
            fault = ViewCheck.Fail(reader.Fault!.Value, at + reader.FaultOffset);
            return false;
        }

        if (!read)
        {
            // A hand-written reader may refuse a value without saying why; the record decoder reports it where it stopped.
            fault = ViewCheck.Invalid(at + reader.Position);
            return false;
        }

        at += reader.Position;
        fault = default;
        return true;
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
        _ => (int)(bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(at, 4)) : BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(at, 4))),
    };
}
