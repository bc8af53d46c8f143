using System;
using System.Buffers.Binary;

namespace ProtocolGen.Benchmarks.Micro;

/// <summary>
/// The checksum implementations <c>Checksums</c> was chosen against: RFC 1071's word loop as written, and the
/// slicing-by-8 CRC-32 the design proposed carrying in the runtime instead of depending on System.IO.Hashing.
/// </summary>
public static class ChecksumCandidates
{
    private static readonly uint[] Crc32Tables = MakeCrc32Tables();

    /// <summary>The Internet checksum one big-endian 16-bit word at a time, folded at the end.</summary>
    public static ushort InternetWordLoop(ReadOnlySpan<byte> data, ulong seed = 0)
    {
        var sum = seed;
        var i = 0;
        for (; i + 1 < data.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
        }

        if (i < data.Length)
        {
            sum += (uint)data[i] << 8;
        }

        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }

    /// <summary>CRC-32 (reflected 0xEDB88320) by slicing-by-8: eight 256-entry tables, 8 bytes per step.</summary>
    public static uint Crc32SlicingBy8(ReadOnlySpan<byte> data)
    {
        var t = Crc32Tables.AsSpan();
        var crc = 0xFFFFFFFFu;
        while (data.Length >= 8)
        {
            var low = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ crc;
            var high = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = t[(7 * 256) + (int)(low & 0xFF)] ^ t[(6 * 256) + (int)((low >> 8) & 0xFF)]
                ^ t[(5 * 256) + (int)((low >> 16) & 0xFF)] ^ t[(4 * 256) + (int)(low >> 24)]
                ^ t[(3 * 256) + (int)(high & 0xFF)] ^ t[(2 * 256) + (int)((high >> 8) & 0xFF)]
                ^ t[256 + (int)((high >> 16) & 0xFF)] ^ t[(int)(high >> 24)];
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = t[(int)((crc ^ b) & 0xFF)] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] MakeCrc32Tables()
    {
        var tables = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? (c >> 1) ^ 0xEDB88320 : c >> 1;
            }

            tables[n] = c;
        }

        for (var n = 0; n < 256; n++)
        {
            for (var k = 1; k < 8; k++)
            {
                var previous = tables[((k - 1) * 256) + n];
                tables[(k * 256) + n] = tables[(int)(previous & 0xFF)] ^ (previous >> 8);
            }
        }

        return tables;
    }
}
