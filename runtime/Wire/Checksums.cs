using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ProtocolGen.Wire;

/// <summary>
/// The checksums of network and file formats, over spans: the Internet checksum (RFC 1071) with the IPv4 and
/// IPv6 pseudo-headers of TCP and UDP, and CRC-32 (IEEE 802.3, as zlib, PNG, gzip and the Ethernet FCS use it).
/// Both are vectorised; nothing allocates. <see cref="InternetChecksum"/> and <see cref="Crc32Checksum"/> compute the
/// same over bytes appended in pieces.
/// </summary>
public static class Checksums
{
    /// <summary>
    /// The Internet checksum of <paramref name="data"/>: the one's complement of the one's complement sum of its
    /// 16-bit big-endian words, an odd trailing byte padded with a zero byte, with carries folded end-around
    /// (RFC 1071). To fill in a checksum, sum with the checksum field zeroed and write the result big-endian
    /// (RFC 1071 (2)); to verify, sum with the field as received: the result is 0 when it is correct (RFC 1071 (3)).
    /// </summary>
    /// <param name="data">The bytes covered, such as an IPv4 header or a TCP segment.</param>
    /// <param name="seed">A partial sum added in, such as <see cref="PseudoHeader(ReadOnlySpan{byte}, ReadOnlySpan{byte}, byte, int)"/>
    /// for TCP and UDP; any value, folded end-around like the data's own sum.</param>
    /// <returns>The checksum, 0..0xFFFF. UDP sends a computed 0 as 0xFFFF, since 0 there means "no checksum" (RFC 768):
    /// that rule is the caller's.</returns>
    public static ushort Internet(ReadOnlySpan<byte> data, ulong seed = 0) =>
        (ushort)~Fold(AddWithCarry(seed, FoldedSum(data)));

    /// <summary>
    /// The pseudo-header partial sum TCP and UDP add to their checksum, for IPv4 (RFC 768, RFC 9293 §3.1: source,
    /// destination, a zero byte, the protocol, the 16-bit upper-layer length) or IPv6 (RFC 8200 §8.1: source,
    /// destination, the 32-bit upper-layer length, three zero bytes, the next header). Both come to
    /// sum16(source) + sum16(destination) + protocol + length, which this returns unfolded, for
    /// <see cref="Internet(ReadOnlySpan{byte}, ulong)"/>'s seed.
    /// </summary>
    /// <param name="source">The source address: 4 bytes (IPv4) or 16 (IPv6), in network order.</param>
    /// <param name="destination">The destination address, as long as <paramref name="source"/>: the final
    /// destination when a routing header or a source-route option names others.</param>
    /// <param name="protocol">The upper-layer protocol number (6 TCP, 17 UDP), not an IPv6 extension header's.</param>
    /// <param name="upperLayerLength">The bytes of the TCP or UDP header and data (UDP: its own Length field).</param>
    /// <exception cref="ArgumentException">The addresses are not both 4 or both 16 bytes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The length is negative, or over 65,535 for IPv4.</exception>
    public static ulong PseudoHeader(ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination, byte protocol, int upperLayerLength)
    {
        if (source.Length != destination.Length || source.Length is not (Ipv4Address.Size or Ipv6Address.Size))
        {
            ThrowAddressSizes(source.Length, destination.Length, nameof(source));
        }

        if (upperLayerLength < 0 || (source.Length == Ipv4Address.Size && upperLayerLength > ushort.MaxValue))
        {
            ThrowLength(upperLayerLength, nameof(upperLayerLength));
        }

        // IPv6's 32-bit length is two words, high + low; x · 2^16 ≡ x (mod 2^16 − 1), so adding it whole is the
        // same once folded.
        return (ulong)FoldedSum(source) + FoldedSum(destination) + protocol + (uint)upperLayerLength;
    }

    /// <summary>The pseudo-header sum of addresses of one size, for any length: a hostile one gives a sum no checksum matches, not an exception.</summary>
    internal static ulong PseudoHeaderOfAnyLength(ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination, byte protocol, int upperLayerLength) =>
        (ulong)FoldedSum(source) + FoldedSum(destination) + protocol + (uint)upperLayerLength;

    /// <summary>The IPv4 pseudo-header partial sum; see <see cref="PseudoHeader(ReadOnlySpan{byte}, ReadOnlySpan{byte}, byte, int)"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The length is negative or over 65,535.</exception>
    public static ulong PseudoHeader(Ipv4Address source, Ipv4Address destination, byte protocol, int upperLayerLength) =>
        PseudoHeader(source, destination, protocol, upperLayerLength, checkLength: true);

    /// <summary>The IPv4 pseudo-header sum; with <paramref name="checkLength"/> false, a length IPv4 cannot say gives a sum no checksum matches instead of throwing.</summary>
    internal static ulong PseudoHeader(Ipv4Address source, Ipv4Address destination, byte protocol, int upperLayerLength, bool checkLength)
    {
        if (checkLength && (uint)upperLayerLength > ushort.MaxValue)
        {
            ThrowLength(upperLayerLength, nameof(upperLayerLength));
        }

        // An address's two big-endian words, from its value, folded as FoldedSum folds its 4 bytes: the same sum, no copy.
        var (from, to) = (source.Value, destination.Value);
        return (ulong)Fold((from >> 16) + (from & ushort.MaxValue)) + Fold((to >> 16) + (to & ushort.MaxValue)) + protocol + (uint)upperLayerLength;
    }

    /// <summary>The IPv6 pseudo-header partial sum; see <see cref="PseudoHeader(ReadOnlySpan{byte}, ReadOnlySpan{byte}, byte, int)"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The length is negative.</exception>
    public static ulong PseudoHeader(Ipv6Address source, Ipv6Address destination, byte protocol, int upperLayerLength) =>
        PseudoHeader(source, destination, protocol, upperLayerLength, checkLength: true);

    /// <summary>The IPv6 pseudo-header sum; with <paramref name="checkLength"/> false, a negative length gives a sum no checksum matches instead of throwing.</summary>
    internal static ulong PseudoHeader(Ipv6Address source, Ipv6Address destination, byte protocol, int upperLayerLength, bool checkLength)
    {
        Span<byte> bytes = stackalloc byte[2 * Ipv6Address.Size];
        source.CopyTo(bytes);
        destination.CopyTo(bytes[Ipv6Address.Size..]);
        return checkLength
            ? PseudoHeader(bytes[..Ipv6Address.Size], bytes[Ipv6Address.Size..], protocol, upperLayerLength)
            : PseudoHeaderOfAnyLength(bytes[..Ipv6Address.Size], bytes[Ipv6Address.Size..], protocol, upperLayerLength);
    }

    /// <summary>
    /// The CRC-32 of <paramref name="data"/>: IEEE 802.3's polynomial 0x04C11DB7, reflected (0xEDB88320), initial
    /// value and final xor 0xFFFFFFFF, the CRC of zlib, PNG chunks, gzip and the Ethernet FCS ("123456789" gives
    /// 0xCBF43926). Computed by <c>System.IO.Hashing.Crc32</c>, vectorised with carry-less multiplication.
    /// </summary>
    /// <returns>The CRC as a number; PNG and zlib write it big-endian, Ethernet's FCS little-endian.</returns>
    public static uint Crc32(ReadOnlySpan<byte> data) => System.IO.Hashing.Crc32.HashToUInt32(data);

    /// <summary>The checksum <typeparamref name="TChecksum"/> of <paramref name="data"/>: create, append once, finish.</summary>
    /// <typeparam name="TChecksum">A built-in checksum or a user-supplied one.</typeparam>
    public static ulong Compute<TChecksum>(ReadOnlySpan<byte> data)
        where TChecksum : struct, IWireChecksum<TChecksum>
    {
        var checksum = TChecksum.Create();
        checksum.Append(data);
        return checksum.Finish();
    }

    /// <summary>The one's complement sum of <paramref name="data"/>'s big-endian words, folded to 16 bits.</summary>
    internal static uint FoldedSum(ReadOnlySpan<byte> data)
    {
        var folded = Fold(NativeWordSum(data));
        // The sum was taken over words in memory order; the one's complement sum of byte-swapped words is the
        // byte-swapped sum (RFC 1071 §2(B)), so a swap at the end gives the big-endian words' sum.
        return BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness((ushort)folded) : folded;
    }

    /// <summary>
    /// <paramref name="seed"/> folded end-around to 16 bits: the same Internet checksum of any data (a positive sum folds
    /// to 1..0xFFFF and 0 stays 0, so even an all-zero sum keeps its one's complement zero).
    /// </summary>
    internal static ushort FoldSeed(ulong seed) => (ushort)Fold(seed);

    /// <summary><paramref name="sum"/> folded to 16 bits end-around: 0 only when it is 0.</summary>
    /// <remarks>
    /// Four fixed steps, no loop: each keeps the sum's residue modulo 2^16 − 1 (2^32 ≡ 2^16 ≡ 1) and keeps a positive
    /// sum positive, and the bounds shrink 2^64 → 2^33 → 0x2FFFE → 0x10001 → 0xFFFF. Every checksum folds a few times.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Fold(ulong sum)
    {
        sum = (sum & uint.MaxValue) + (sum >> 32);
        sum = (sum & ushort.MaxValue) + (sum >> 16);
        sum = (sum & ushort.MaxValue) + (sum >> 16);
        sum = (sum & ushort.MaxValue) + (sum >> 16);
        return (uint)sum;
    }

    /// <summary>a + b with the carry out of bit 63 added back in (2^64 ≡ 1 modulo 2^16 − 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong AddWithCarry(ulong a, ulong b)
    {
        var sum = a + b;
        return sum < a ? sum + 1 : sum;
    }

    // A number congruent, modulo 2^16 − 1, to the sum of data's 16-bit words read in memory order, the odd trailing
    // byte as the low-address byte of a word whose other byte is 0.
    private static ulong NativeWordSum(ReadOnlySpan<byte> data) =>
        NativeWordSum(data, Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0);

    // vectorBits picks the widest vectors used (256, 128 or 0 for none): the machine's widest in production; a test
    // passes each so every path is checked on any machine (the JIT folds the production call's constant).
    internal static ulong NativeWordSum(ReadOnlySpan<byte> data, int vectorBits)
    {
        ref var start = ref MemoryMarshal.GetReference(data);
        var length = (nuint)data.Length;
        nuint i = 0;
        ulong sum = 0;

        if (vectorBits >= 256 && length >= 64)
        {
            // Each 32-bit lane adds its two 16-bit halves: at most 2 × 0xFFFF per vector, so a lane holds 2^14 vectors
            // of both accumulators (2^31) before it could overflow; then it is widened into the 64-bit sum.
            var low = Vector256.Create((uint)ushort.MaxValue);
            while (length - i >= 64)
            {
                var blockEnd = i + Math.Min((length - i) & ~(nuint)63, (nuint)64 << 14);
                Vector256<uint> a = default, b = default;
                for (; i < blockEnd; i += 64)
                {
                    var x = Vector256.LoadUnsafe(ref start, i).AsUInt32();
                    var y = Vector256.LoadUnsafe(ref start, i + 32).AsUInt32();
                    a += (x & low) + (x >>> 16);
                    b += (y & low) + (y >>> 16);
                }

                sum += Vector256.Sum(Vector256.WidenLower(a) + Vector256.WidenUpper(a) + Vector256.WidenLower(b) + Vector256.WidenUpper(b));
            }
        }
        else if (vectorBits >= 128 && length >= 32)
        {
            var low = Vector128.Create((uint)ushort.MaxValue);
            while (length - i >= 32)
            {
                var blockEnd = i + Math.Min((length - i) & ~(nuint)31, (nuint)32 << 14);
                Vector128<uint> a = default, b = default;
                for (; i < blockEnd; i += 32)
                {
                    var x = Vector128.LoadUnsafe(ref start, i).AsUInt32();
                    var y = Vector128.LoadUnsafe(ref start, i + 16).AsUInt32();
                    a += (x & low) + (x >>> 16);
                    b += (y & low) + (y >>> 16);
                }

                sum += Vector128.Sum(Vector128.WidenLower(a) + Vector128.WidenUpper(a) + Vector128.WidenLower(b) + Vector128.WidenUpper(b));
            }
        }

        // The rest (all of a short header): 8 bytes at a time as two 32-bit halves, which cannot carry out of 64
        // bits before 2^31 steps; a 32-bit value is congruent to the sum of its two words.
        for (; length - i >= 8; i += 8)
        {
            var word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i));
            sum += (word & uint.MaxValue) + (word >> 32);
        }

        if (length - i >= 4)
        {
            sum += Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, i));
            i += 4;
        }

        if (length - i >= 2)
        {
            sum += Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref start, i));
            i += 2;
        }

        if (i < length)
        {
            uint last = Unsafe.Add(ref start, i);
            sum += BitConverter.IsLittleEndian ? last : last << 8;
        }

        return sum;
    }

    private static void ThrowAddressSizes(int source, int destination, string parameter) =>
        throw new ArgumentException($"The source and destination addresses must both be 4 bytes (IPv4) or both 16 (IPv6); they are {source} and {destination}.", parameter);

    private static void ThrowLength(int length, string parameter) =>
        throw new ArgumentOutOfRangeException(parameter, length, "The upper-layer length must be 0 or more, and at most 65,535 for IPv4.");
}
