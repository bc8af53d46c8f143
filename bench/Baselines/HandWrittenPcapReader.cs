extern alias PcapSample;

using System;
using System.Buffers.Binary;
using System.Collections.Immutable;
using PcapSample::ProtocolGen.Samples.Pcap;
using ProtocolGen.Wire;

namespace ProtocolGen.Benchmarks.Baselines;

/// <summary>
/// Baseline (a) of the "decode pcap" row: a pcap file read by hand with <see cref="BinaryPrimitives"/> into the same
/// <see cref="PcapFile"/>, <see cref="PcapFrame"/>s and nested layer records as <see cref="PcapFile.Read(ReadOnlySpan{byte}, bool)"/>:
/// an <see cref="EthernetFrame"/> holding its IPv4 or IPv6 packet, which holds its TCP segment or UDP datagram, and
/// the trailer after the packet's end; the layer picked by the EtherType and the protocol here in C#, as the schema's
/// <c>[Switch]</c> picks it. Each header is one length check, then reads at constant offsets and shifts and masks for its bit groups;
/// checksums are <see cref="Checksums.Internet"/> (with <see cref="Checksums.PseudoHeader(ReadOnlySpan{byte}, ReadOnlySpan{byte}, byte, int)"/>
/// over the address bytes as they lie in the packet). As safe code at its best would, it copies each record's data
/// once (<see cref="PcapRecord.Data"/> is an array of its own) and every layer's bytes (payloads, options, trailer) are
/// slices of that array; option lists are walked to check them, as the sample's reader checks them, without building
/// records. It keeps the sample's rules: whatever the generated readers or <see cref="PcapFrameReader"/> refuse
/// (a constant, a length, a segment that does not fill its IP payload, a checksum, an option) it refuses (null); a
/// frame the snap length cut is a <see cref="CutEthernetFrame"/>, which keeps the bytes after its header; an IPv4
/// fragment or another IP protocol holds an <see cref="UnknownIpPayload"/>, and another EtherType an
/// <see cref="UnknownEtherPayload"/>, which keep their bytes.
/// </summary>
public static class HandWrittenPcapReader
{
    private const int FileHeaderSize = 24;
    private const int RecordHeaderSize = 16;
    private const int EthernetHeaderSize = 14;
    private const int FixedHeaderSize = 20; // IPv4 and TCP before their options
    private const int Ipv6HeaderSize = 40;
    private const int UdpHeaderSize = 8;
    private const uint Magic = 0xA1B2C3D4; // D4 C3 B2 A1, read little-endian

    /// <summary>The file in <paramref name="file"/>, or null when the sample's reader would refuse it.</summary>
    public static PcapFile? Read(ReadOnlySpan<byte> file, bool verifyChecksums = true)
    {
        if (file.Length < FileHeaderSize)
        {
            return null;
        }

        var run = file.Slice(0, FileHeaderSize);
        if (BinaryPrimitives.ReadUInt32LittleEndian(run) != Magic || BinaryPrimitives.ReadUInt16LittleEndian(run.Slice(4)) != 2
            || BinaryPrimitives.ReadUInt32LittleEndian(run.Slice(20)) != (uint)LinkType.Ethernet)
        {
            return null;
        }

        var header = new PcapFileHeader(
            2, BinaryPrimitives.ReadUInt16LittleEndian(run.Slice(6)), BinaryPrimitives.ReadInt32LittleEndian(run.Slice(8)),
            BinaryPrimitives.ReadUInt32LittleEndian(run.Slice(12)), BinaryPrimitives.ReadUInt32LittleEndian(run.Slice(16)), LinkType.Ethernet);
        var frames = ImmutableArray.CreateBuilder<PcapFrame>();
        var rest = file.Slice(FileHeaderSize);
        while (!rest.IsEmpty)
        {
            if (rest.Length < RecordHeaderSize)
            {
                return null;
            }

            var included = BinaryPrimitives.ReadUInt32LittleEndian(rest.Slice(8));
            if (included > (uint)(rest.Length - RecordHeaderSize))
            {
                return null;
            }

            var record = new PcapRecord(
                BinaryPrimitives.ReadUInt32LittleEndian(rest), BinaryPrimitives.ReadUInt32LittleEndian(rest.Slice(4)), included,
                BinaryPrimitives.ReadUInt32LittleEndian(rest.Slice(12)), rest.Slice(RecordHeaderSize, (int)included).ToArray());
            if (ReadFrame(record, frames.Count + 1, verifyChecksums) is not { } frame)
            {
                return null;
            }

            frames.Add(frame);
            rest = rest.Slice(RecordHeaderSize + (int)included);
        }

        return new PcapFile(header, frames.ToImmutable());
    }

    private static PcapFrame? ReadFrame(PcapRecord record, int number, bool verifyChecksums)
    {
        var data = record.Data;
        if (data.Length < EthernetHeaderSize)
        {
            return null;
        }

        ReadOnlySpan<byte> bytes = data;
        var destination = Mac(bytes);
        var source = Mac(bytes.Slice(6));
        var type = (EtherType)BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(12));
        if (record.IncludedLength < record.OriginalLength)
        {
            return new PcapFrame(number, record, new CutEthernetFrame(destination, source, type, data.AsMemory(EthernetHeaderSize)));
        }

        // The packet ends where its length fields say (end); the rest of the data is the trailer.
        IEtherPayload payload;
        int end;
        switch (type)
        {
            case EtherType.Ipv4:
                if (ReadIpv4(data, verifyChecksums, out end) is not { } ipv4)
                {
                    return null;
                }

                payload = ipv4;
                break;
            case EtherType.Ipv6:
                if (ReadIpv6(data, verifyChecksums, out end) is not { } ipv6)
                {
                    return null;
                }

                payload = ipv6;
                break;
            default:
                payload = new UnknownEtherPayload(data.AsMemory(EthernetHeaderSize));
                end = data.Length;
                break;
        }

        return new PcapFrame(number, record, new EthernetFrame(destination, source, type, payload, data.AsMemory(end)));
    }

    // The Ethernet payload is the rest of the data; the packet ends at its total length (end), its trailer after it.
    private static Ipv4Packet? ReadIpv4(byte[] data, bool verifyChecksums, out int end)
    {
        end = 0;
        var source = data.AsSpan(EthernetHeaderSize);
        if (source.Length < FixedHeaderSize)
        {
            return null;
        }

        var run = source.Slice(0, FixedHeaderSize);
        var b0 = run[0];
        var headerLength = (b0 & 0xF) * 4;
        var totalLength = BinaryPrimitives.ReadUInt16BigEndian(run.Slice(2));
        if (b0 >> 4 != 4 || headerLength < FixedHeaderSize || headerLength > source.Length || totalLength < headerLength || totalLength > source.Length
            || (verifyChecksums && Checksums.Internet(source.Slice(0, headerLength)) != 0)
            || !Ipv4OptionsAreValid(source.Slice(FixedHeaderSize, headerLength - FixedHeaderSize)))
        {
            return null;
        }

        // A fragment holds part of its datagram (only the first starts with the transport header, and the checksum
        // covers the whole datagram), so its payload keeps its bytes.
        var flags = BinaryPrimitives.ReadUInt16BigEndian(run.Slice(6));
        var protocol = (IpProtocol)run[9];
        var payloadStart = EthernetHeaderSize + headerLength;
        var payloadLength = totalLength - headerLength;
        var payload = (flags & 0x3FFF) != 0
            ? new UnknownIpPayload(data.AsMemory(payloadStart, payloadLength))
            : ReadTransport(data, payloadStart, payloadLength, protocol, run.Slice(12, 4), run.Slice(16, 4), verifyChecksums);
        if (payload is null)
        {
            return null;
        }

        var b1 = run[1];
        end = EthernetHeaderSize + totalLength;
        return new Ipv4Packet(
            4, (byte)(b0 & 0xF), (byte)(b1 >> 2), (byte)(b1 & 3), totalLength, BinaryPrimitives.ReadUInt16BigEndian(run.Slice(4)),
            (flags & 0x8000) != 0, (flags & 0x4000) != 0, (flags & 0x2000) != 0, (ushort)(flags & 0x1FFF),
            run[8], protocol, BinaryPrimitives.ReadUInt16BigEndian(run.Slice(10)),
            Ipv4Address.ReadFixed(run.Slice(12, 4)), Ipv4Address.ReadFixed(run.Slice(16, 4)),
            data.AsMemory(EthernetHeaderSize + FixedHeaderSize, headerLength - FixedHeaderSize), payload);
    }

    private static Ipv6Packet? ReadIpv6(byte[] data, bool verifyChecksums, out int end)
    {
        end = 0;
        var source = data.AsSpan(EthernetHeaderSize);
        if (source.Length < Ipv6HeaderSize)
        {
            return null;
        }

        var run = source.Slice(0, Ipv6HeaderSize);
        var bits = BinaryPrimitives.ReadUInt32BigEndian(run);
        var payloadLength = BinaryPrimitives.ReadUInt16BigEndian(run.Slice(4));
        if (bits >> 28 != 6 || payloadLength > source.Length - Ipv6HeaderSize)
        {
            return null;
        }

        var nextHeader = (IpProtocol)run[6];
        if (ReadTransport(data, EthernetHeaderSize + Ipv6HeaderSize, payloadLength, nextHeader, run.Slice(8, 16), run.Slice(24, 16), verifyChecksums) is not { } payload)
        {
            return null;
        }

        end = EthernetHeaderSize + Ipv6HeaderSize + payloadLength;
        return new Ipv6Packet(
            6, (byte)(bits >> 22 & 0x3F), (byte)(bits >> 20 & 3), bits & 0xFFFFF, payloadLength, nextHeader, run[7],
            Ipv6Address.ReadFixed(run.Slice(8, 16)), Ipv6Address.ReadFixed(run.Slice(24, 16)), payload);
    }

    // The IP payload's length bytes at start, read as its protocol's segment, with the pseudo-header of the address bytes
    // as the packet holds them; a protocol other than TCP and UDP keeps its bytes.
    private static IIpPayload? ReadTransport(
        byte[] data, int start, int length, IpProtocol protocol, ReadOnlySpan<byte> sourceAddress, ReadOnlySpan<byte> destinationAddress, bool verifyChecksums)
    {
        if (protocol is not (IpProtocol.Tcp or IpProtocol.Udp))
        {
            return new UnknownIpPayload(data.AsMemory(start, length));
        }

        var source = data.AsSpan(start, length);
        var pseudoHeader = Checksums.PseudoHeader(sourceAddress, destinationAddress, (byte)protocol, length);
        return protocol == IpProtocol.Tcp
            ? ReadTcp(data, start, source, pseudoHeader, verifyChecksums)
            : ReadUdp(data, start, source, pseudoHeader, verifyChecksums);
    }

    private static TcpSegment? ReadTcp(byte[] data, int start, ReadOnlySpan<byte> source, ulong pseudoHeader, bool verifyChecksums)
    {
        if (source.Length < FixedHeaderSize)
        {
            return null;
        }

        var run = source.Slice(0, FixedHeaderSize);
        var bits = BinaryPrimitives.ReadUInt16BigEndian(run.Slice(12));
        var headerLength = (bits >> 12) * 4;
        if (headerLength < FixedHeaderSize || headerLength > source.Length
            || (verifyChecksums && Checksums.Internet(source, pseudoHeader) != 0)
            || !TcpOptionsAreValid(source.Slice(FixedHeaderSize, headerLength - FixedHeaderSize)))
        {
            return null;
        }

        return new TcpSegment(
            BinaryPrimitives.ReadUInt16BigEndian(run), BinaryPrimitives.ReadUInt16BigEndian(run.Slice(2)),
            BinaryPrimitives.ReadUInt32BigEndian(run.Slice(4)), BinaryPrimitives.ReadUInt32BigEndian(run.Slice(8)),
            (byte)(bits >> 12), (byte)(bits >> 9 & 7),
            (bits & 0x100) != 0, (bits & 0x80) != 0, (bits & 0x40) != 0, (bits & 0x20) != 0, (bits & 0x10) != 0,
            (bits & 0x8) != 0, (bits & 0x4) != 0, (bits & 0x2) != 0, (bits & 0x1) != 0,
            BinaryPrimitives.ReadUInt16BigEndian(run.Slice(14)), BinaryPrimitives.ReadUInt16BigEndian(run.Slice(16)),
            BinaryPrimitives.ReadUInt16BigEndian(run.Slice(18)),
            data.AsMemory(start + FixedHeaderSize, headerLength - FixedHeaderSize), data.AsMemory(start + headerLength, source.Length - headerLength));
    }

    // The datagram must fill the IP payload: its length says the payload's end, and the packet's length fields said it too.
    private static UdpDatagram? ReadUdp(byte[] data, int start, ReadOnlySpan<byte> source, ulong pseudoHeader, bool verifyChecksums)
    {
        if (source.Length < UdpHeaderSize)
        {
            return null;
        }

        var run = source.Slice(0, UdpHeaderSize);
        var length = BinaryPrimitives.ReadUInt16BigEndian(run.Slice(4));
        var checksum = BinaryPrimitives.ReadUInt16BigEndian(run.Slice(6));
        if (length != source.Length
            || (verifyChecksums && checksum != 0 && Checksums.Internet(source, pseudoHeader) != 0))
        {
            return null;
        }

        return new UdpDatagram(
            BinaryPrimitives.ReadUInt16BigEndian(run), BinaryPrimitives.ReadUInt16BigEndian(run.Slice(2)), length, checksum,
            data.AsMemory(start + UdpHeaderSize, length - UdpHeaderSize));
    }

    // RFC 9293 §3.2's kinds with a fixed length must have it; SACK's blocks are 8 bytes each; end of options takes the rest.
    private static bool TcpOptionsAreValid(ReadOnlySpan<byte> options)
    {
        while (!options.IsEmpty)
        {
            var kind = options[0];
            int size;
            switch (kind)
            {
                case 0:
                    return true;
                case 1:
                    size = 1;
                    break;
                case 2 or 3 or 4 or 8:
                    size = kind switch { 2 => 4, 3 => 3, 4 => 2, _ => 10 };
                    if (options.Length < size || options[1] != size)
                    {
                        return false;
                    }

                    break;
                default:
                    if (options.Length < 2 || (size = options[1]) < 2 || size > options.Length || (kind == 5 && (size - 2) % 8 != 0))
                    {
                        return false;
                    }

                    break;
            }

            options = options.Slice(size);
        }

        return true;
    }

    // RFC 791: record route's addresses and the timestamp's slots are 4 bytes each, after a 3- or 4-byte head.
    private static bool Ipv4OptionsAreValid(ReadOnlySpan<byte> options)
    {
        while (!options.IsEmpty)
        {
            var type = options[0];
            int size;
            if (type == 0)
            {
                return true;
            }

            if (type == 1)
            {
                size = 1;
            }
            else
            {
                var head = type switch { 7 => 3, 68 => 4, _ => 2 };
                if (options.Length < head || (size = options[1]) < head || size > options.Length || (head > 2 && (size - head) % 4 != 0))
                {
                    return false;
                }
            }

            options = options.Slice(size);
        }

        return true;
    }

    private static MacAddress Mac(ReadOnlySpan<byte> bytes) =>
        new((ulong)BinaryPrimitives.ReadUInt16BigEndian(bytes) << 32 | BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(2)));
}
