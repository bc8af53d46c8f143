using System;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using ProtocolGen.Framing;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Benchmarks.Baselines;

/// <summary>
/// Baseline (b): the info stream read the way a straightforward port of the upstream code would, with a
/// <see cref="BinaryReader"/> over a <see cref="MemoryStream"/>, building the same records. It is a careful port,
/// not a strawman: addresses go through a stack buffer (no array per address), each body's declared length is
/// checked before its fields are read, and a bad frame is skipped by its declared length as one error, as the
/// generated decoder does. Text is strict UTF-8 with what the BCL gives (<see cref="StrictUtf8.DecodeBcl"/>).
/// </summary>
public static class BinaryReaderInfoCodec
{
    private const int HeaderSize = 5;

    /// <summary>Decodes every frame of <paramref name="capture"/> into <paramref name="packets"/> (null for a bad frame) and returns the frame count.</summary>
    public static int DecodeFrames(byte[] capture, Span<Info?> packets)
    {
        using var stream = new MemoryStream(capture, writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var count = 0;
        while (stream.Position < stream.Length)
        {
            var left = stream.Length - stream.Position;
            if (left < HeaderSize)
            {
                packets[count++] = null;
                break;
            }

            var type = reader.ReadByte();
            var declared = reader.ReadUInt32();
            if (declared > FrameDecoderOptions.DefaultMaxBodyLength || declared > left - HeaderSize)
            {
                packets[count++] = null;
                break;
            }

            var end = stream.Position + declared;
            packets[count++] = ReadBody(reader, type, (int)declared);
            stream.Position = end;
        }

        return count;
    }

    private static Info? ReadBody(BinaryReader reader, byte type, int length)
    {
        switch (type)
        {
            case 0 when length >= 1:
                {
                    var severity = (Severity)reader.ReadByte();
                    var line = StrictUtf8.DecodeBcl(reader.ReadBytes(length - 1));
                    return line is null ? null : new LogLine(severity, line);
                }

            case 1 when length >= 35:
                {
                    var id = reader.ReadUInt64();
                    var processId = reader.ReadUInt64();
                    var direction = (Direction)reader.ReadByte();
                    var protocol = (IpProtocol)reader.ReadByte();
                    var localIp = ReadIpv4(reader);
                    var remoteIp = ReadIpv4(reader);
                    var localPort = reader.ReadUInt16();
                    var remotePort = reader.ReadUInt16();
                    var layer = reader.ReadByte();
                    var payloadLength = reader.ReadUInt32();
                    return payloadLength > (uint)(length - 35)
                        ? null
                        : new ConnectionV4(id, processId, direction, protocol, localIp, remoteIp, localPort, remotePort, layer, reader.ReadBytes((int)payloadLength));
                }

            case 2 when length >= 59:
                {
                    var id = reader.ReadUInt64();
                    var processId = reader.ReadUInt64();
                    var direction = (Direction)reader.ReadByte();
                    var protocol = (IpProtocol)reader.ReadByte();
                    var localIp = ReadIpv6(reader);
                    var remoteIp = ReadIpv6(reader);
                    var localPort = reader.ReadUInt16();
                    var remotePort = reader.ReadUInt16();
                    var layer = reader.ReadByte();
                    var payloadLength = reader.ReadUInt32();
                    return payloadLength > (uint)(length - 59)
                        ? null
                        : new ConnectionV6(id, processId, direction, protocol, localIp, remoteIp, localPort, remotePort, layer, reader.ReadBytes((int)payloadLength));
                }

            case 3 when length >= 22:
                return new ConnectionEndV4(reader.ReadUInt64(), (Direction)reader.ReadByte(), (IpProtocol)reader.ReadByte(), ReadIpv4(reader), ReadIpv4(reader), reader.ReadUInt16(), reader.ReadUInt16());

            case 4 when length >= 46:
                return new ConnectionEndV6(reader.ReadUInt64(), (Direction)reader.ReadByte(), (IpProtocol)reader.ReadByte(), ReadIpv6(reader), ReadIpv6(reader), reader.ReadUInt16(), reader.ReadUInt16());

            case 5 when length >= 5:
                {
                    var protocol = (IpProtocol)reader.ReadByte();
                    var count = reader.ReadUInt32();
                    if (count > (uint)((length - 5) / 28))
                    {
                        return null;
                    }

                    var values = new BandwidthValueV4[count];
                    for (var i = 0; i < values.Length; i++)
                    {
                        values[i] = new BandwidthValueV4(ReadIpv4(reader), reader.ReadUInt16(), ReadIpv4(reader), reader.ReadUInt16(), reader.ReadUInt64(), reader.ReadUInt64());
                    }

                    return new BandwidthStatsV4(protocol, ImmutableCollectionsMarshal.AsImmutableArray(values));
                }

            case 6 when length >= 5:
                {
                    var protocol = (IpProtocol)reader.ReadByte();
                    var count = reader.ReadUInt32();
                    if (count > (uint)((length - 5) / 52))
                    {
                        return null;
                    }

                    var values = new BandwidthValueV6[count];
                    for (var i = 0; i < values.Length; i++)
                    {
                        values[i] = new BandwidthValueV6(ReadIpv6(reader), reader.ReadUInt16(), ReadIpv6(reader), reader.ReadUInt16(), reader.ReadUInt64(), reader.ReadUInt64());
                    }

                    return new BandwidthStatsV6(protocol, ImmutableCollectionsMarshal.AsImmutableArray(values));
                }

            default:
                return null; // too short for its kind, or an unknown type
        }
    }

    // Network order: the bytes as they come, so the little-endian read is written back little-endian.
    private static Ipv4Address ReadIpv4(BinaryReader reader)
    {
        Span<byte> bytes = stackalloc byte[Ipv4Address.Size];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, reader.ReadUInt32());
        return new Ipv4Address(bytes);
    }

    private static Ipv6Address ReadIpv6(BinaryReader reader)
    {
        Span<byte> bytes = stackalloc byte[Ipv6Address.Size];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, reader.ReadUInt64());
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.Slice(8), reader.ReadUInt64());
        return new Ipv6Address(bytes);
    }
}
