using System;
using System.Buffers.Binary;
using ProtocolGen.Benchmarks.Schema;

namespace ProtocolGen.Benchmarks.Baselines;

/// <summary>
/// The "[PresentWhen]" case of the new-kind rows written by hand: span code that reads and writes
/// <see cref="OptionalHeader"/> member by member, each conditional one by its selector, and builds the same records.
/// Encode checks what the generated <c>WireSize</c> checks (each member present exactly when its selector calls for it).
/// </summary>
public static class HandWrittenConditionalCodec
{
    /// <summary>Reads one header from the start of <paramref name="bytes"/>, or null when they are short or invalid.</summary>
    public static OptionalHeader? Read(ReadOnlySpan<byte> bytes, out int consumed)
    {
        consumed = 0;
        if (bytes.Length < 2)
        {
            return null;
        }

        var kind = (MessageKind)bytes[0];
        var flags = bytes[1];
        var at = 2;
        uint? sequence = null;
        if (kind is MessageKind.Data or MessageKind.Ack)
        {
            if (bytes.Length - at < 4)
            {
                return null;
            }

            sequence = BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(at));
            at += 4;
        }

        ushort? window = null;
        if (kind != MessageKind.Close)
        {
            if (bytes.Length - at < 2)
            {
                return null;
            }

            window = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(at));
            at += 2;
        }

        Ipv4Address? replyTo = null;
        if (flags == 1)
        {
            if (bytes.Length - at < 4)
            {
                return null;
            }

            replyTo = new Ipv4Address(bytes.Slice(at, 4));
            at += 4;
        }

        AckSpan? range = null;
        if (kind == MessageKind.Ack)
        {
            if (bytes.Length - at < 8)
            {
                return null;
            }

            range = new AckSpan(BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(at)), BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(at + 4)));
            at += 8;
        }

        if (bytes.Length - at < 4)
        {
            return null;
        }

        var timestamp = BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(at));
        consumed = at + 4;
        return new OptionalHeader(kind, flags, sequence, window, replyTo, range, timestamp);
    }

    /// <summary>Writes <paramref name="header"/> at the start of <paramref name="destination"/> and returns its size.</summary>
    public static int Write(OptionalHeader header, Span<byte> destination)
    {
        var kind = header.Kind;
        Require(header.Sequence.HasValue == (kind is MessageKind.Data or MessageKind.Ack), "sequence");
        Require(header.Window.HasValue == (kind != MessageKind.Close), "window");
        Require(header.ReplyTo.HasValue == (header.Flags == 1), "reply_to");
        Require(header.Range is not null == (kind == MessageKind.Ack), "range");

        destination[0] = (byte)kind;
        destination[1] = header.Flags;
        var at = 2;
        if (header.Sequence is { } sequence)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(at), sequence);
            at += 4;
        }

        if (header.Window is { } window)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(at), window);
            at += 2;
        }

        if (header.ReplyTo is { } replyTo)
        {
            replyTo.CopyTo(destination.Slice(at, 4));
            at += 4;
        }

        if (header.Range is { } range)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(at), range.First);
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(at + 4), range.Last);
            at += 8;
        }

        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(at), header.Timestamp);
        return at + 4;
    }

    private static void Require(bool consistent, string field)
    {
        if (!consistent)
        {
            throw new WireEncodeException(field, "is present exactly when its selector calls for it");
        }
    }
}
