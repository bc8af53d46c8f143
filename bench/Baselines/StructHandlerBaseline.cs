using System;
using System.Buffers.Binary;
using System.Text.Unicode;
using ProtocolGen.Benchmarks.Handlers;
using ProtocolGen.Framing;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Benchmarks.Baselines;

/// <summary>
/// Baseline (c): a hand-written handler that allocates nothing. It walks the frames of a span, reads only the
/// fields the tally needs at their offsets, and builds no record, string or array. It still checks what the
/// decoder checks (lengths, counts, strict UTF-8, unknown types, the cap), so that the same frames are errors.
/// </summary>
public static class StructHandlerBaseline
{
    private const int HeaderSize = 5;

    public static InfoTally Tally(ReadOnlySpan<byte> stream)
    {
        var tally = default(InfoTally);
        while (!stream.IsEmpty)
        {
            if (stream.Length < HeaderSize)
            {
                tally.Errors++;
                break;
            }

            var type = stream[0];
            var declared = BinaryPrimitives.ReadUInt32LittleEndian(stream.Slice(1, 4));
            if (declared > FrameDecoderOptions.DefaultMaxBodyLength || declared > (uint)(stream.Length - HeaderSize))
            {
                tally.Errors++;
                break;
            }

            if (!Handle(type, stream.Slice(HeaderSize, (int)declared), ref tally))
            {
                tally.Errors++;
            }

            stream = stream.Slice(HeaderSize + (int)declared);
        }

        return tally;
    }

    // False for a bad frame; nothing is counted for it but the error.
    private static bool Handle(byte type, ReadOnlySpan<byte> body, ref InfoTally tally)
    {
        switch (type)
        {
            case 0:
                // The fastest strict validator there is here (the generated views' own), as a careful hand-written handler would use.
                if (body.IsEmpty || !ProtocolGen.Internal.ViewReads.IsUtf8(body.Slice(1)))
                {
                    return false;
                }

                tally.LogLines++;
                tally.SeveritySum += body[0];
                return true;

            case 1:
            case 2:
                {
                    var isV4 = type == 1;
                    var size = isV4 ? 35 : 59;
                    if (body.Length < size)
                    {
                        return false;
                    }

                    var payloadLength = BinaryPrimitives.ReadUInt32LittleEndian(body.Slice(size - 4, 4));
                    if (payloadLength > (uint)(body.Length - size))
                    {
                        return false;
                    }

                    var ports = body.Slice(isV4 ? 26 : 50, 4);
                    if (isV4)
                    {
                        tally.ConnectionsV4++;
                    }
                    else
                    {
                        tally.ConnectionsV6++;
                    }

                    tally.IdSum += BinaryPrimitives.ReadUInt64LittleEndian(body.Slice(0, 8));
                    tally.PayloadBytes += payloadLength;
                    tally.PortSum += BinaryPrimitives.ReadUInt16LittleEndian(ports) + BinaryPrimitives.ReadUInt16LittleEndian(ports.Slice(2));
                    return true;
                }

            case 3:
            case 4:
                {
                    var isV4 = type == 3;
                    if (body.Length < (isV4 ? 22 : 46))
                    {
                        return false;
                    }

                    var ports = body.Slice(isV4 ? 18 : 42, 4);
                    if (isV4)
                    {
                        tally.EndsV4++;
                    }
                    else
                    {
                        tally.EndsV6++;
                    }

                    tally.ProcessIdSum += BinaryPrimitives.ReadUInt64LittleEndian(body.Slice(0, 8));
                    tally.PortSum += BinaryPrimitives.ReadUInt16LittleEndian(ports) + BinaryPrimitives.ReadUInt16LittleEndian(ports.Slice(2));
                    return true;
                }

            case 5:
            case 6:
                {
                    var entry = type == 5 ? 28 : 52;
                    if (body.Length < 5)
                    {
                        return false;
                    }

                    var count = BinaryPrimitives.ReadUInt32LittleEndian(body.Slice(1, 4));
                    if (count > (uint)((body.Length - 5) / entry))
                    {
                        return false;
                    }

                    if (type == 5)
                    {
                        tally.StatsV4++;
                    }
                    else
                    {
                        tally.StatsV6++;
                    }

                    // The two byte counters are the last 16 bytes of each entry.
                    var entries = body.Slice(5, (int)count * entry);
                    for (var offset = entry - 16; offset < entries.Length; offset += entry)
                    {
                        var counters = entries.Slice(offset, 16);
                        tally.BandwidthValues++;
                        tally.TrafficSum += BinaryPrimitives.ReadUInt64LittleEndian(counters) + BinaryPrimitives.ReadUInt64LittleEndian(counters.Slice(8));
                    }

                    return true;
                }

            default:
                tally.Unknown++;
                return true;
        }
    }
}
