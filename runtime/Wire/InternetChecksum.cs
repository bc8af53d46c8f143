using System;
using System.Buffers.Binary;

namespace ProtocolGen.Wire;

/// <summary>
/// The Internet checksum (RFC 1071) over bytes appended in pieces of any length, such as a pseudo-header seed, a
/// header and a payload held apart: a piece may end on an odd byte, and the next piece's first byte completes
/// that 16-bit word, exactly as if the pieces were one span. Each piece is summed by
/// <see cref="Checksums.Internet(ReadOnlySpan{byte}, ulong)"/>'s vectorised loop.
/// </summary>
public struct InternetChecksum : IWireChecksum<InternetChecksum>
{
    private ulong _sum;
    private bool _odd;

    /// <summary>2: the Internet checksum is a 16-bit word.</summary>
    public static int Size => 2;

    /// <summary>A checksum over no bytes yet, with no seed.</summary>
    public static InternetChecksum Create() => default;

    /// <summary>A checksum over no bytes yet that starts from <paramref name="seed"/>, a partial sum such as
    /// <see cref="Checksums.PseudoHeader(ReadOnlySpan{byte}, ReadOnlySpan{byte}, byte, int)"/> returns.</summary>
    public static InternetChecksum Create(ulong seed) => new() { _sum = seed };

    /// <summary>Adds <paramref name="data"/> after the bytes appended so far.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        uint sum = Checksums.FoldedSum(data);
        // After an odd number of bytes this piece's words straddle the running words by one byte. The one's
        // complement sum is byte-order independent (RFC 1071 §2(B)), so the piece summed on its own, with its
        // bytes swapped, is what it adds.
        if (_odd)
        {
            sum = BinaryPrimitives.ReverseEndianness((ushort)sum);
        }

        _sum = Checksums.AddWithCarry(_sum, sum);
        _odd ^= (data.Length & 1) != 0;
    }

    /// <summary>The checksum to write: the one's complement of the sum of every byte appended so far (RFC 1071
    /// (2)); 0 when they include a correct checksum field (RFC 1071 (3)).</summary>
    public readonly ulong Finish() => (ushort)~Checksums.Fold(_sum);
}
