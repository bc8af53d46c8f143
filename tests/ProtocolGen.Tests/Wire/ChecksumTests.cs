using System;
using System.Buffers.Binary;
using System.Text;
using CsCheck;
using ProtocolGen.Wire;
using Xunit;

namespace ProtocolGen.Tests.Wire;

/// <summary>
/// <see cref="Checksums"/>: the Internet checksum against RFC 1071 and a plain word loop, and CRC-32 against its
/// published check values.
/// </summary>
public sealed class ChecksumTests
{
    [Fact]
    public void Internet_checksum_of_RFC_1071_numerical_example_is_the_complement_of_its_folded_sum()
    {
        // RFC 1071 §3: 00 01 f2 03 f4 f5 f6 f7 sums to 2ddf0, folded ddf2; the checksum is its complement.
        byte[] data = [0x00, 0x01, 0xF2, 0x03, 0xF4, 0xF5, 0xF6, 0xF7];

        Assert.Equal(0x220D, Checksums.Internet(data));
    }

    [Fact]
    public void Internet_checksum_is_zero_over_data_that_includes_its_correct_checksum()
    {
        byte[] data = [0x00, 0x01, 0xF2, 0x03, 0xF4, 0xF5, 0xF6, 0xF7, 0x22, 0x0D];

        Assert.Equal(0, Checksums.Internet(data));
    }

    [Fact]
    public void Internet_checksum_pads_an_odd_trailing_byte_with_a_zero_byte()
    {
        Assert.Equal(Checksums.Internet([0x12, 0x34, 0xAB, 0x00]), Checksums.Internet([0x12, 0x34, 0xAB]));
        Assert.Equal(0x54FF, Checksums.Internet([0xAB])); // ~ab00
    }

    [Fact]
    public void Internet_checksum_folds_a_carry_that_itself_carries()
    {
        // ffff + ffff + 0001 = 1ffff; folding gives 10000, which folds again to 0001.
        Assert.Equal(0xFFFE, Checksums.Internet([0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x01]));
        // A seed at the top of 64 bits carries out of the accumulator: 2^64 - 1 + 1 = 2^64, which is 1 folded.
        Assert.Equal(0xFFFE, Checksums.Internet([0x00, 0x01], ulong.MaxValue));
        Assert.Equal(Reference(new byte[] { 0xFF, 0xFE }, ulong.MaxValue - 5), Checksums.Internet([0xFF, 0xFE], ulong.MaxValue - 5));
    }

    [Fact]
    public void Internet_checksum_of_nothing_or_zeros_is_all_ones()
    {
        Assert.Equal(0xFFFF, Checksums.Internet([]));
        Assert.Equal(0xFFFF, Checksums.Internet(new byte[301]));
    }

    [Fact]
    public void Internet_checksum_equals_the_word_loop_at_every_length_from_0_to_300_and_every_start_offset()
    {
        var random = new Random(1071);
        var buffer = new byte[304];
        random.NextBytes(buffer);
        for (var start = 0; start < 4; start++)
        {
            for (var length = 0; length <= 300; length++)
            {
                var data = buffer.AsSpan(start, length);
                var seed = (ulong)random.NextInt64();
                Assert.True(Reference(data, 0) == Checksums.Internet(data), $"length {length}, start {start}");
                Assert.True(Reference(data, seed) == Checksums.Internet(data, seed), $"length {length}, start {start}, seed {seed}");
            }
        }
    }

    [Fact]
    public void Internet_checksum_equals_the_word_loop_on_random_data_and_seeds()
    {
        Gen.Select(Gen.Byte.Array[0, 2000], Gen.ULong)
            .Sample((data, seed) => Reference(data, seed) == Checksums.Internet(data, seed));
    }

    [Fact]
    public void Internet_checksum_of_megabytes_of_ones_loses_no_lane_carry()
    {
        // Every word is ffff, so the folded sum is ffff and the checksum 0; a 32-bit lane that overflowed would be
        // off by one (2^32 is 1 modulo 2^16 - 1).
        var ones = new byte[5 << 20];
        ones.AsSpan().Fill(0xFF);
        Assert.Equal(0, Checksums.Internet(ones));

        var random = new byte[(3 << 20) + 7];
        new Random(3).NextBytes(random);
        Assert.Equal(Reference(random, 0), Checksums.Internet(random));
    }

    [Theory]
    [InlineData(256)]
    [InlineData(128)]
    [InlineData(0)]
    public void Internet_checksum_word_sum_is_the_same_on_each_vector_path_as_the_word_loop(int vectorBits)
    {
        // The machine takes only its widest path; this checks each one (a 128-bit or scalar machine's) here.
        var random = new Random(vectorBits);
        var buffer = new byte[1000];
        random.NextBytes(buffer);
        for (var length = 0; length <= buffer.Length; length += length < 200 ? 1 : 37)
        {
            var data = buffer.AsSpan(random.Next(4), Math.Min(length, buffer.Length - 3));
            Assert.True(Reference(data, 0) == ChecksumOf(data, vectorBits), $"{vectorBits}-bit path, length {data.Length}");
        }

        // Megabytes of ffff words cross the lanes' overflow-safe blocks: a lost lane carry is off by one.
        var ones = new byte[(3 << 20) + 5];
        ones.AsSpan().Fill(0xFF);
        Assert.Equal(Reference(ones, 0), ChecksumOf(ones, vectorBits));
    }

    [Fact]
    public void Internet_checksum_appended_in_pieces_equals_the_one_shot_checksum_whatever_the_cuts()
    {
        Gen.Select(Gen.Byte.Array[0, 400], Gen.Int[0, 400], Gen.Int[0, 400], Gen.ULong).Sample((data, a, b, seed) =>
        {
            var (first, second) = (Math.Min(Math.Min(a, b), data.Length), Math.Min(Math.Max(a, b), data.Length));
            var checksum = InternetChecksum.Create(seed);
            checksum.Append(data.AsSpan(0, first));
            checksum.Append(data.AsSpan(first, second - first));
            checksum.Append(data.AsSpan(second));
            return checksum.Finish() == Checksums.Internet(data, seed)
                && Checksums.Compute<InternetChecksum>(data) == Checksums.Internet(data);
        });
    }

    [Fact]
    public void Pseudo_header_sums_of_IPv4_and_IPv6_equal_the_sums_of_the_pseudo_header_bytes()
    {
        byte[] v4Source = [192, 168, 1, 10], v4Destination = [10, 0, 0, 255];
        // RFC 768 / RFC 9293: source, destination, zero, protocol, 16-bit length.
        byte[] v4 = [.. v4Source, .. v4Destination, 0, 17, 0x05, 0xDC];
        Assert.Equal(Reference(v4, 0), Checksums.Internet([], Checksums.PseudoHeader(v4Source, v4Destination, 17, 1500)));
        Assert.Equal(
            Checksums.PseudoHeader(v4Source, v4Destination, 6, 40),
            Checksums.PseudoHeader(new Ipv4Address(v4Source), new Ipv4Address(v4Destination), 6, 40));

        var v6Source = Ipv6Address.Parse("2001:db8::1");
        var v6Destination = Ipv6Address.Parse("fe80::ffff:1234:abcd");
        // RFC 8200 §8.1: source, destination, 32-bit length, three zero bytes, next header; a jumbogram's length
        // fills both length words.
        foreach (var length in new[] { 0, 1200, 65535, 70000, int.MaxValue })
        {
            byte[] lengthBytes = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(lengthBytes, length);
            byte[] v6 = [.. v6Source.GetBytes(), .. v6Destination.GetBytes(), .. lengthBytes, 0, 0, 0, 6];
            Assert.Equal(Reference(v6, 0), Checksums.Internet([], Checksums.PseudoHeader(v6Source, v6Destination, 6, length)));
        }
    }

    [Fact]
    public void Internet_checksum_folds_seeds_at_every_carry_boundary_as_the_word_loop_does()
    {
        ulong[] seeds = [0, 1, 0xFFFE, 0xFFFF, 0x1_0000, 0x1_0001, 0x1_FFFE, 0x1_FFFF, 0x2_FFFE, 0xFFFF_FFFF, 0x1_0000_0000, 0xFFFF_0000_FFFF, ulong.MaxValue - 1, ulong.MaxValue];
        foreach (var seed in seeds)
        {
            Assert.True(Reference([], seed) == Checksums.Internet([], seed), $"seed {seed:X}");
            Assert.True(Reference([0xFF, 0xFF], seed) == Checksums.Internet([0xFF, 0xFF], seed), $"seed {seed:X} over 0xFFFF");
        }
    }

    [Fact]
    public void Pseudo_header_of_IPv4_addresses_equals_that_of_their_bytes_for_any_addresses_protocol_and_length()
    {
        Gen.Select(Gen.UInt, Gen.UInt, Gen.Byte, Gen.Int[0, ushort.MaxValue]).Sample((from, to, protocol, length) =>
        {
            byte[] source = new byte[4], destination = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(source, from);
            BinaryPrimitives.WriteUInt32BigEndian(destination, to);
            return Checksums.PseudoHeader(source, destination, protocol, length)
                == Checksums.PseudoHeader(new Ipv4Address(source), new Ipv4Address(destination), protocol, length);
        });
        Assert.Throws<ArgumentOutOfRangeException>(() => Checksums.PseudoHeader(new Ipv4Address(10, 0, 0, 1), new Ipv4Address(10, 0, 0, 2), 17, 65536));
        Assert.Throws<ArgumentOutOfRangeException>(() => Checksums.PseudoHeader(new Ipv4Address(10, 0, 0, 1), new Ipv4Address(10, 0, 0, 2), 17, -1));
    }

    [Fact]
    public void Pseudo_header_refuses_mismatched_addresses_and_impossible_lengths()
    {
        Assert.Throws<ArgumentException>(() => Checksums.PseudoHeader(new byte[4], new byte[16], 6, 20));
        Assert.Throws<ArgumentException>(() => Checksums.PseudoHeader(new byte[8], new byte[8], 6, 20));
        Assert.Equal("upperLayerLength", Assert.Throws<ArgumentOutOfRangeException>(() => Checksums.PseudoHeader(new byte[4], new byte[4], 17, 65536)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Checksums.PseudoHeader(new byte[16], new byte[16], 17, -1));
    }

    [Fact]
    public void Crc32_of_123456789_is_the_IEEE_check_value()
    {
        Assert.Equal(0xCBF43926u, Checksums.Crc32("123456789"u8));
        Assert.Equal(0u, Checksums.Crc32([]));
    }

    [Fact]
    public void Crc32_of_a_PNG_chunk_is_the_CRC_stored_after_it()
    {
        // Every PNG ends with the IEND chunk: length 0, type "IEND", CRC ae 42 60 82 over the type (and no data).
        byte[] iend = [0x00, 0x00, 0x00, 0x00, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82];
        Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(iend.AsSpan(8)), Checksums.Crc32(iend.AsSpan(4, 4)));

        // A 1×1 RGBA image's IHDR chunk: the CRC covers the type and the 13 data bytes.
        byte[] ihdr = Convert.FromHexString("0000000D49484452000000010000000108060000001F15C489");
        Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(ihdr.AsSpan(21)), Checksums.Crc32(ihdr.AsSpan(4, 17)));
    }

    [Fact]
    public void Crc32_appended_in_pieces_equals_the_one_shot_CRC_whatever_the_cuts()
    {
        Gen.Select(Gen.Byte.Array[0, 3000], Gen.Int[0, 3000], Gen.Int[0, 3000]).Sample((data, a, b) =>
        {
            var (first, second) = (Math.Min(Math.Min(a, b), data.Length), Math.Min(Math.Max(a, b), data.Length));
            var crc = Crc32Checksum.Create();
            crc.Append(data.AsSpan(0, first));
            crc.Append(data.AsSpan(first, second - first));
            crc.Append(data.AsSpan(second));
            return crc.Finish() == Checksums.Crc32(data) && Checksums.Compute<Crc32Checksum>(data) == Checksums.Crc32(data);
        });
    }

    [Fact]
    public void Crc32_equals_a_bitwise_reference_on_random_data()
    {
        Gen.Byte.Array[0, 600].Sample(data => ReferenceCrc32(data) == Checksums.Crc32(data));
    }

    [Fact]
    public void Checksum_sizes_are_their_wire_widths()
    {
        Assert.Equal(2, SizeOf<InternetChecksum>());
        Assert.Equal(4, SizeOf<Crc32Checksum>());
        Assert.Equal(2, SizeOf<Fletcher16>());
    }

    [Fact]
    public void A_user_written_Fletcher_16_computes_the_published_values_in_one_piece_and_in_many()
    {
        // Fletcher-16 check values (Fletcher 1982 as usually quoted): "abcde" c8f0, "abcdef" 2057, "abcdefgh" 0627.
        foreach (var (text, expected) in new[] { ("abcde", 0xC8F0UL), ("abcdef", 0x2057UL), ("abcdefgh", 0x0627UL) })
        {
            var bytes = Encoding.ASCII.GetBytes(text);
            Assert.Equal(expected, Checksums.Compute<Fletcher16>(bytes));

            var pieces = Fletcher16.Create();
            foreach (var b in bytes)
            {
                pieces.Append([b]);
            }

            Assert.Equal(expected, pieces.Finish());
        }
    }

    private static int SizeOf<T>()
        where T : struct, IWireChecksum<T> => T.Size;

    // RFC 1071 as written: big-endian words, zero-padded, summed wide, folded end-around, complemented.
    // What Checksums.Internet returns (seed 0) when the word sum takes the given vector path.
    private static ushort ChecksumOf(ReadOnlySpan<byte> data, int vectorBits)
    {
        var folded = Checksums.Fold(Checksums.NativeWordSum(data, vectorBits));
        return (ushort)~(BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness((ushort)folded) : folded);
    }

    internal static ushort Reference(ReadOnlySpan<byte> data, ulong seed)
    {
        UInt128 sum = seed;
        for (var i = 0; i < data.Length; i += 2)
        {
            sum += (uint)(data[i] << 8 | (i + 1 < data.Length ? data[i + 1] : 0));
        }

        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~(ushort)sum;
    }

    private static uint ReferenceCrc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>A user's checksum as the schema would name it: Fletcher-16 (sums modulo 255), two bytes.</summary>
    private struct Fletcher16 : IWireChecksum<Fletcher16>
    {
        private uint _low;
        private uint _high;

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

        public readonly ulong Finish() => _high << 8 | _low;
    }
}
