using System;
using ProtocolGen.Wire;

namespace ProtocolGen.Generator.Tests.Integration;

// A schema of checksummed records, compiled by the generator as a user's project is.

[ProtocolUnion(FrameFormat.TypeAndLength32)]
public abstract partial record Checked;

// An IPv4 header without options: 20 bytes in one run, its Internet checksum inside the range it covers (the whole record).
[Packet(1), BigEndian]
public sealed partial record CheckedIpv4Header(
    byte VersionAndLength,
    byte TypeOfService,
    ushort TotalLength,
    ushort Identification,
    ushort FlagsAndOffset,
    byte TimeToLive,
    byte Protocol,
    [Checksum(ChecksumAlgorithm.Internet)] ushort HeaderChecksum,
    Ipv4Address Source,
    Ipv4Address Destination) : Checked;

// A PNG IHDR chunk: a CRC-32 of the chunk type and data after them (From skips the length; Through defaults to the field before it).
[Packet(2), BigEndian]
public sealed partial record PngHeaderChunk(
    [Fixed(13u)] uint Length,
    [FixedLength(4)] byte[] ChunkType,
    uint Width,
    uint Height,
    byte BitDepth,
    byte ColorType,
    byte Compression,
    byte Filter,
    byte Interlace,
    [Checksum(ChecksumAlgorithm.Crc32, From = nameof(ChunkType))] uint Crc) : Checked;

// A checksum of the user's own: Fletcher-16 over the fields before it.
[Packet(3)]
public sealed partial record Reading(ushort Sensor, int Value, [Checksum(typeof(Fletcher16))] ushort Fletcher) : Checked;

// A variable-length payload inside an Internet checksum's range, with UDP's rule that 0 means none.
[Packet(4), BigEndian]
public sealed partial record Datagram(
    ushort Port,
    [Checksum(ChecksumAlgorithm.Internet, ZeroMeansNone = true)] ushort Checksum,
    [LengthPrefix(PrefixWidth.U16)] byte[] Payload,
    byte Trailer) : Checked;

// Nested checksums: each sample patches its own CRC before the batch sums the samples' final bytes.
[WireStruct]
public readonly partial record struct ChecksummedSample(ushort Id, [LengthPrefix(PrefixWidth.U8)] string Label, [Checksum(ChecksumAlgorithm.Crc32)] uint Crc);

[Packet(5), BigEndian]
public sealed partial record Batch(byte Tag, [CountPrefix(PrefixWidth.U8)] ChecksummedSample[] Samples, [Checksum(ChecksumAlgorithm.Internet)] ushort Sum) : Checked;

// Checksums before the bytes they cover, in a little-endian record: the CRC in the record's byte order (as Ethernet's
// FCS), the Internet checksum a big-endian word whatever the record's order.
[Packet(6)]
public sealed partial record Enclosure(
    [Checksum(ChecksumAlgorithm.Crc32, From = nameof(Data))] uint Crc,
    [Checksum(ChecksumAlgorithm.Internet, From = nameof(Data))] ushort Sum,
    [LengthPrefix(PrefixWidth.U8)] byte[] Data) : Checked;

// A checksummed structure in a window an earlier length gives: it is read with its parent's checksum rule.
[Packet(7), BigEndian]
public sealed partial record Sealed(byte Tag, [LengthOf(nameof(Inner))] byte InnerLength, ChecksummedSample Inner) : Checked;

// A checksum over a record with a structure that reads itself and a total length from the record's start: the
// checksum's range and the length both measure from one record-start local.
[Packet(8), BigEndian]
public sealed partial record Framed(
    [Checksum(ChecksumAlgorithm.Internet)] ushort Sum,
    ChecksummedSample Inner,
    [LengthOf(nameof(Data), FromRecordStart = true)] ushort Total,
    byte[] Data) : Checked;

// A UDP datagram (RFC 768): its checksum adds the IP pseudo-header, which the reader and writer carry.
[WireStruct, BigEndian]
public sealed partial record PseudoHeaderUdp(
    ushort SourcePort,
    ushort DestinationPort,
    [LengthOf(nameof(Payload), FromRecordStart = true)] ushort Length,
    [Checksum(ChecksumAlgorithm.Internet, PseudoHeader = true, ZeroMeansNone = true)] ushort Checksum,
    byte[] Payload);

/// <summary>Fletcher-16 (sums mod 255, the second sum in the high byte): "abcde" gives 0xC8F0.</summary>
public struct Fletcher16 : IWireChecksum<Fletcher16>
{
    private int _low;
    private int _high;

    public static int Size => 2;

    public static Fletcher16 Create() => default;

    public void Append(ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            _low = (_low + b) % 255;
            _high = (_high + _low) % 255;
        }
    }

    public readonly ulong Finish() => (ulong)((_high << 8) | _low);
}
