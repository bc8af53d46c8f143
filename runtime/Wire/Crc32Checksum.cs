using System;

namespace ProtocolGen.Wire;

/// <summary>
/// CRC-32 (IEEE 802.3, as <see cref="Checksums.Crc32(ReadOnlySpan{byte})"/>) over bytes appended in pieces. The
/// first piece costs what the one-shot call costs; each later one is combined with the CRC so far by the
/// polynomial arithmetic of zlib's <c>crc32_combine</c>, a few dozen table steps, whatever its length.
/// </summary>
public struct Crc32Checksum : IWireChecksum<Crc32Checksum>
{
    private uint _crc;

    /// <summary>4: CRC-32 is a 32-bit value.</summary>
    public static int Size => 4;

    /// <summary>A CRC over no bytes yet (its value is 0).</summary>
    public static Crc32Checksum Create() => default;

    /// <summary>Adds <paramref name="data"/> after the bytes appended so far.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        var crc = Checksums.Crc32(data);
        // crc(a ++ b) = crc(a) · x^(8 · |b|) mod P, xor crc(b): the CRC so far moved past the new bytes.
        if (_crc != 0)
        {
            crc ^= Crc32Combine.MultiplyModP(Crc32Combine.PowerOfX8N(data.Length), _crc);
        }

        _crc = crc;
    }

    /// <summary>The CRC-32 of every byte appended so far.</summary>
    public readonly ulong Finish() => _crc;
}

/// <summary>Polynomial arithmetic modulo CRC-32's polynomial in its reflected form (zlib's <c>crc32.c</c>).</summary>
internal static class Crc32Combine
{
    private const uint Polynomial = 0xEDB88320;

    // x^(2^n) mod P for n = 0..31; x^1 is bit 30 in the reflected order, 1 is bit 31.
    private static readonly uint[] PowersOfX = MakePowers();

    /// <summary>a · b mod P.</summary>
    public static uint MultiplyModP(uint a, uint b)
    {
        uint m = 1u << 31, product = 0;
        while (true)
        {
            if ((a & m) != 0)
            {
                product ^= b;
                if ((a & (m - 1)) == 0)
                {
                    return product;
                }
            }

            m >>= 1;
            b = (b & 1) != 0 ? (b >> 1) ^ Polynomial : b >> 1;
        }
    }

    /// <summary>x^(8 · <paramref name="bytes"/>) mod P.</summary>
    public static uint PowerOfX8N(int bytes)
    {
        uint power = 1u << 31;
        var n = (uint)bytes;
        for (var k = 3; n != 0; n >>= 1, k++)
        {
            if ((n & 1) != 0)
            {
                power = MultiplyModP(PowersOfX[k & 31], power);
            }
        }

        return power;
    }

    private static uint[] MakePowers()
    {
        var powers = new uint[32];
        var p = 1u << 30;
        powers[0] = p;
        for (var n = 1; n < 32; n++)
        {
            powers[n] = p = MultiplyModP(p, p);
        }

        return powers;
    }
}
