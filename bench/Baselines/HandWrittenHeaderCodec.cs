using System;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using ProtocolGen.Benchmarks.Schema;
using ProtocolGen.Wire;

namespace ProtocolGen.Benchmarks.Baselines;

/// <summary>
/// Baseline (a) of the new-kind rows: the IPv4 and TCP headers and the device record read and written by hand with
/// <see cref="BinaryPrimitives"/> over spans, building the same records. Each run of fixed fields is one length
/// check (a slice of constant length) and reads or writes at constant offsets; bit fields are shifts and masks of
/// one container read or written once; checksums are <see cref="Checksums.Internet"/> over the header (verified
/// on decode, patched on encode); text takes the fastest strict UTF-8 (<see cref="StrictUtf8"/>). It keeps the
/// generated code's rules: a wrong version, magic or fixed byte, a bad checksum, bad padding in the char[16] or
/// invalid UTF-8 refuses the record (null), and encode refuses a value wider than its bits or text that does not
/// fit before writing a byte.
/// </summary>
public static class HandWrittenHeaderCodec
{
    public const int Ipv4Size = 20;
    public const int TcpSize = 20;
    private const int DeviceRun = 27;
    private const uint DeviceMagic = 'P' | 'G' << 8 | 'D' << 16 | 'R' << 24; // "PGDR", read little-endian

    public static Ipv4Header? ReadIpv4(ReadOnlySpan<byte> source)
    {
        if (source.Length < Ipv4Size)
        {
            return null;
        }

        var run = source.Slice(0, Ipv4Size);
        var b0 = run[0];
        if (b0 >> 4 != 4 || Checksums.Internet(run) != 0)
        {
            return null;
        }

        var b1 = run[1];
        var flags = BinaryPrimitives.ReadUInt16BigEndian(run.Slice(6));
        return new Ipv4Header(
            4, (byte)(b0 & 0xF), (byte)(b1 >> 2), (byte)(b1 & 3),
            BinaryPrimitives.ReadUInt16BigEndian(run.Slice(2)), BinaryPrimitives.ReadUInt16BigEndian(run.Slice(4)),
            (flags & 0x8000) != 0, (flags & 0x4000) != 0, (flags & 0x2000) != 0, (ushort)(flags & 0x1FFF),
            run[8], (IpProtocol)run[9], BinaryPrimitives.ReadUInt16BigEndian(run.Slice(10)),
            Ipv4Address.ReadFixed(run.Slice(12, 4)), Ipv4Address.ReadFixed(run.Slice(16, 4)));
    }

    public static int WriteIpv4(Ipv4Header header, Span<byte> destination)
    {
        if (header.HeaderLength > 0xF || header.Dscp > 0x3F || header.Ecn > 3 || header.FragmentOffset > 0x1FFF)
        {
            ThrowTooWide();
        }

        var run = destination.Slice(0, Ipv4Size);
        run[0] = (byte)(0x40 | header.HeaderLength);
        run[1] = (byte)(header.Dscp << 2 | header.Ecn);
        BinaryPrimitives.WriteUInt16BigEndian(run.Slice(2), header.TotalLength);
        BinaryPrimitives.WriteUInt16BigEndian(run.Slice(4), header.Identification);
        BinaryPrimitives.WriteUInt16BigEndian(run.Slice(6), (ushort)(
            (header.ReservedFlag ? 0x8000 : 0) | (header.DontFragment ? 0x4000 : 0) | (header.MoreFragments ? 0x2000 : 0) | header.FragmentOffset));
        run[8] = header.TimeToLive;
        run[9] = (byte)header.Protocol;
        BinaryPrimitives.WriteUInt16BigEndian(run.Slice(10), 0);
        header.Source.CopyTo(run.Slice(12, 4));
        header.Destination.CopyTo(run.Slice(16, 4));
        BinaryPrimitives.WriteUInt16BigEndian(run.Slice(10), Checksums.Internet(run));
        return Ipv4Size;
    }

    public static TcpHeader? ReadTcp(ReadOnlySpan<byte> source)
    {
        if (source.Length < TcpSize)
        {
            return null;
        }

        var run = source.Slice(0, TcpSize);
        if (Checksums.Internet(run) != 0)
        {
            return null;
        }

        var bits = BinaryPrimitives.ReadUInt16BigEndian(run.Slice(12));
        return new TcpHeader(
            BinaryPrimitives.ReadUInt16BigEndian(run), BinaryPrimitives.ReadUInt16BigEndian(run.Slice(2)),
            BinaryPrimitives.ReadUInt32BigEndian(run.Slice(4)), BinaryPrimitives.ReadUInt32BigEndian(run.Slice(8)),
            (byte)(bits >> 12), (byte)(bits >> 9 & 7),
            (bits & 0x100) != 0, (bits & 0x80) != 0, (bits & 0x40) != 0, (bits & 0x20) != 0, (bits & 0x10) != 0,
            (bits & 0x8) != 0, (bits & 0x4) != 0, (bits & 0x2) != 0, (bits & 0x1) != 0,
            BinaryPrimitives.ReadUInt16BigEndian(run.Slice(14)), BinaryPrimitives.ReadUInt16BigEndian(run.Slice(16)),
            BinaryPrimitives.ReadUInt16BigEndian(run.Slice(18)));
    }

    public static int WriteTcp(TcpHeader header, Span<byte> destination)
    {
        if (header.DataOffset > 0xF || header.Reserved > 7)
        {
            ThrowTooWide();
        }

        var run = destination.Slice(0, TcpSize);
        BinaryPrimitives.WriteUInt16BigEndian(run, header.SourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(run.Slice(2), header.DestinationPort);
        BinaryPrimitives.WriteUInt32BigEndian(run.Slice(4), header.SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(run.Slice(8), header.AcknowledgmentNumber);
        BinaryPrimitives.WriteUInt16BigEndian(run.Slice(12), (ushort)(
            header.DataOffset << 12 | header.Reserved << 9
            | (header.AccurateEcn ? 0x100 : 0) | (header.Cwr ? 0x80 : 0) | (header.Ece ? 0x40 : 0) | (header.Urgent ? 0x20 : 0)
            | (header.Ack ? 0x10 : 0) | (header.Push ? 0x8 : 0) | (header.Reset ? 0x4 : 0) | (header.Syn ? 0x2 : 0) | (header.Fin ? 0x1 : 0)));
        BinaryPrimitives.WriteUInt16BigEndian(run.Slice(14), header.Window);
        BinaryPrimitives.WriteUInt16BigEndian(run.Slice(16), 0);
        BinaryPrimitives.WriteUInt16BigEndian(run.Slice(18), header.UrgentPointer);
        BinaryPrimitives.WriteUInt16BigEndian(run.Slice(16), Checksums.Internet(run));
        return TcpSize;
    }

    /// <summary>Reads a device record from the start of <paramref name="source"/>; null when it is bad. <paramref name="consumed"/> is its size.</summary>
    public static DeviceRecord? ReadDevice(ReadOnlySpan<byte> source, out int consumed)
    {
        consumed = 0;
        if (source.Length < DeviceRun)
        {
            return null;
        }

        var run = source.Slice(0, DeviceRun);
        if (BinaryPrimitives.ReadUInt32LittleEndian(run) != DeviceMagic || run[4] != 1)
        {
            return null;
        }

        var flags = BinaryPrimitives.ReadUInt16LittleEndian(run.Slice(5));
        var serial = BinaryPrimitives.ReadUInt32LittleEndian(run.Slice(7));
        var field = run.Slice(11, 16);
        var end = field.IndexOf((byte)0);
        if (end < 0)
        {
            end = field.Length;
        }
        else if (field.Slice(end + 1).ContainsAnyExcept((byte)0))
        {
            return null;
        }

        var model = StrictUtf8.Decode(field.Slice(0, end));
        var rest = source.Slice(DeviceRun);
        var nul = rest.IndexOf((byte)0);
        if (model is null || nul < 0 || rest.Length - nul - 1 < 4)
        {
            return null;
        }

        var location = StrictUtf8.Decode(rest.Slice(0, nul));
        if (location is null)
        {
            return null;
        }

        consumed = DeviceRun + nul + 1 + 4;
        return new DeviceRecord(1, flags, serial, model, location, BinaryPrimitives.ReadUInt32LittleEndian(rest.Slice(nul + 1, 4)));
    }

    public static int WriteDevice(DeviceRecord record, Span<byte> destination)
    {
        var model = record.Model;
        var location = record.Location;
        var modelBytes = Ascii.IsValid(model) ? model.Length : Encoding.UTF8.GetByteCount(model);
        var locationBytes = Ascii.IsValid(location) ? location.Length : Encoding.UTF8.GetByteCount(location);
        if (modelBytes > 16 || model.Contains('\0') || location.Contains('\0'))
        {
            ThrowDoesNotFit();
        }

        var size = DeviceRun + locationBytes + 1 + 4;
        var output = destination.Slice(0, size);
        BinaryPrimitives.WriteUInt32LittleEndian(output, DeviceMagic);
        output[4] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(output.Slice(5), record.Flags);
        BinaryPrimitives.WriteUInt32LittleEndian(output.Slice(7), record.Serial);
        var field = output.Slice(11, 16);
        field.Slice(StrictUtf8.Encode(model, field)).Clear();
        StrictUtf8.Encode(location, output.Slice(DeviceRun, locationBytes));
        output[DeviceRun + locationBytes] = 0;
        BinaryPrimitives.WriteUInt32LittleEndian(output.Slice(DeviceRun + locationBytes + 1), record.Timestamp);
        return size;
    }

    [DoesNotReturn]
    private static void ThrowTooWide() => throw new ArgumentException("a bit field is wider than its bits", "header");

    [DoesNotReturn]
    private static void ThrowDoesNotFit() => throw new ArgumentException("the model does not fit its 16 bytes, or a text holds U+0000", "record");
}
