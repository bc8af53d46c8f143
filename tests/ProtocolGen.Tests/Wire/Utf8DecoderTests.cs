using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.Intrinsics.X86;
using System.Text;
using System.Text.Unicode;
using ProtocolGen.Internal;
using Xunit;

namespace ProtocolGen.Tests.Wire;

/// <summary>
/// The vectorised strict UTF-8 validator and transcoder (<see cref="Utf8Validator"/>, <see cref="Utf8Transcoder"/>)
/// against the BCL (<see cref="Utf8.IsValid"/>, <see cref="Utf8.ToUtf16"/> refusing invalid sequences), on every
/// path they have (256-bit, 128-bit, scalar): every 1- and 2-byte sequence, every lead of 3 and 4 bytes with every
/// second byte, cut-short sequences at every position across 16- and 32-byte block edges, and seeded random valid
/// and damaged text of 0 to 300 bytes. Same answer, same string, every time. Each vector path is compared where
/// the machine has it (the bench machine has SSSE3 and AVX2); the scalar transcoder everywhere.
/// </summary>
public sealed class Utf8DecoderTests
{
    // Bytes around each boundary of the continuation range and of the lead ranges.
    private static readonly byte[] Edges = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF];

    // Where a sequence is put in ASCII text of 80 bytes: the start, both sides of each block edge, the end.
    private static readonly int[] Offsets = [0, 1, 2, 3, 12, 13, 14, 15, 16, 17, 28, 29, 30, 31, 32, 33, 45, 47, 48, 60, 61, 62, 63, 64, 65, 76];

    private static IEnumerable<(string Name, Func<ReadOnlySpan<byte>, bool> IsValid)> Validators()
    {
        yield return ("dispatch", Utf8Validator.IsValid);
        yield return ("view hook", ViewReads.IsUtf8);
        if (Ssse3.IsSupported)
        {
            yield return ("128-bit", Utf8Validator.IsValidVector128);
        }

        if (Avx2.IsSupported)
        {
            yield return ("256-bit", Utf8Validator.IsValidVector256);
        }
    }

    private delegate int Transcode(ReadOnlySpan<byte> utf8, Span<char> destination);

    private static IEnumerable<(string Name, Transcode Transcode)> Transcoders()
    {
        yield return ("dispatch", Utf8Transcoder.Transcode);
        yield return ("scalar", (utf8, destination) => Utf8Transcoder.TranscodeScalar(utf8, 0, utf8.Length, destination, 0));
        if (Ssse3.IsSupported)
        {
            yield return ("128-bit", Utf8Transcoder.TranscodeVector128);
        }

        if (Avx2.IsSupported)
        {
            yield return ("256-bit", Utf8Transcoder.TranscodeVector256);
        }
    }

    [Fact]
    public void Every_one_and_two_byte_sequence_at_every_block_edge_is_judged_and_decoded_as_the_BCL_does()
    {
        for (var first = 0; first < 256; first++)
        {
            AtEveryOffset([(byte)first]);
            for (var second = 0; second < 256; second++)
            {
                Agree([(byte)first, (byte)second]);
                if (first >= 0x80 && (first & 7) == 0)
                {
                    AtEveryOffset([(byte)first, (byte)second]);
                }
            }
        }

        // Every valid 2-byte sequence, across each edge.
        for (var lead = 0xC2; lead <= 0xDF; lead++)
        {
            for (var next = 0x80; next <= 0xBF; next += 7)
            {
                AtEveryOffset([(byte)lead, (byte)next]);
            }
        }
    }

    [Fact]
    public void Every_three_byte_lead_with_every_second_byte_incl_overlongs_and_surrogates_is_judged_as_the_BCL_does()
    {
        for (var lead = 0xE0; lead <= 0xEF; lead++)
        {
            for (var second = 0; second < 256; second++)
            {
                foreach (var third in Edges)
                {
                    AtEveryOffset([(byte)lead, (byte)second, third]);
                }
            }
        }

        // The surrogates (ED A0..BF) and the overlongs (E0 80..9F) are refused, their neighbours accepted.
        Assert.False(Utf8Validator.IsValid(InText([0xED, 0xA0, 0x80], 30)));
        Assert.False(Utf8Validator.IsValid(InText([0xE0, 0x9F, 0xBF], 30)));
        Assert.True(Utf8Validator.IsValid(InText([0xED, 0x9F, 0xBF], 30)));
        Assert.True(Utf8Validator.IsValid(InText([0xE0, 0xA0, 0x80], 30)));
    }

    [Fact]
    public void Every_four_byte_lead_with_every_second_byte_incl_overlongs_and_past_U_10FFFF_is_judged_as_the_BCL_does()
    {
        for (var lead = 0xF0; lead <= 0xFF; lead++)
        {
            for (var second = 0; second < 256; second++)
            {
                foreach (var third in new byte[] { 0x41, 0x80, 0xBF, 0xC0 })
                {
                    foreach (var fourth in new byte[] { 0x41, 0x80, 0xBF, 0xF0 })
                    {
                        AtEveryOffset([(byte)lead, (byte)second, third, fourth]);
                    }
                }
            }
        }

        Assert.False(Utf8Validator.IsValid(InText([0xF4, 0x90, 0x80, 0x80], 40)));
        Assert.False(Utf8Validator.IsValid(InText([0xF0, 0x8F, 0xBF, 0xBF], 40)));
        Assert.True(Utf8Validator.IsValid(InText([0xF4, 0x8F, 0xBF, 0xBF], 40)));
        Assert.True(Utf8Validator.IsValid(InText([0xF0, 0x90, 0x80, 0x80], 40)));
    }

    [Fact]
    public void A_sequence_cut_short_at_any_position_and_at_the_end_of_text_of_any_length_is_refused()
    {
        byte[][] cut = [[0xC3], [0xE2], [0xE2, 0x82], [0xF0], [0xF0, 0x9F], [0xF0, 0x9F, 0x98]];
        foreach (var background in new[] { "a", "é", "€", "😀" })
        {
            for (var length = 0; length <= 100; length++)
            {
                var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(background, length)));
                foreach (var piece in cut)
                {
                    for (var at = 0; at <= text.Length; at += at < 70 ? 1 : 7)
                    {
                        var bytes = text.Take(at).Concat(piece).Concat(text.Skip(at)).ToArray();
                        Agree(bytes);
                    }

                    Assert.False(Utf8Validator.IsValid(text.Concat(piece).ToArray()));
                }
            }
        }
    }

    [Fact]
    public void Random_valid_text_of_0_to_300_bytes_decodes_to_the_same_string_and_damaged_text_gets_the_same_verdict()
    {
        var random = new Random(8);
        for (var round = 0; round < 6000; round++)
        {
            var valid = RandomText(random, random.Next(0, 301), mix: round % 6);
            Agree(valid);

            var damaged = Damage(random, valid);
            Agree(damaged);
        }
    }

    [Fact]
    public void Text_of_every_length_from_0_to_300_of_each_width_decodes_on_every_path()
    {
        foreach (var piece in new[] { "a", "é", "€", "😀", "aé€😀", "ab€", "日本語 ok" })
        {
            for (var chars = 0; chars <= 300; chars++)
            {
                var text = string.Concat(Enumerable.Repeat(piece, chars / piece.Length + 1));
                var bytes = Encoding.UTF8.GetBytes(text);
                Agree(bytes.AsSpan(0, Math.Min(bytes.Length, chars)).ToArray());
            }
        }
    }

    [Fact]
    public void The_lane_packing_table_holds_for_each_mask_the_kept_lanes_in_order_then_zeros()
    {
        var table = Utf8Tables.PackLanes;
        Assert.Equal(256 * 16, table.Length);
        for (var mask = 0; mask < 256; mask++)
        {
            var expected = Enumerable.Range(0, 8).Where(lane => (mask >> lane & 1) != 0).SelectMany(lane => new[] { (byte)(2 * lane), (byte)(2 * lane + 1) }).ToList();
            expected.AddRange(Enumerable.Repeat((byte)0x80, 16 - expected.Count));
            Assert.Equal(expected.ToArray(), table.Slice(mask * 16, 16).ToArray());
        }
    }

    private static void AtEveryOffset(byte[] sequence)
    {
        foreach (var offset in Offsets)
        {
            Agree(InText(sequence, offset));
        }

        // And alone at the end of short and long text.
        Agree(InText(sequence, 80 - sequence.Length, length: 80));
        Agree(InText(sequence, 15, length: 15 + sequence.Length));
        Agree(InText(sequence, 31, length: 31 + sequence.Length));
    }

    // The sequence at offset in ASCII text of the given length (80 by default).
    private static byte[] InText(byte[] sequence, int offset, int length = 80)
    {
        var bytes = new byte[Math.Max(length, offset + sequence.Length)];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)('a' + i % 26);
        }

        sequence.CopyTo(bytes, offset);
        return bytes;
    }

    // Every path gives the BCL's verdict, and on valid text the BCL's string.
    private static void Agree(byte[] bytes)
    {
        var expectedValid = Utf8.IsValid(bytes);
        foreach (var (name, isValid) in Validators())
        {
            if (isValid(bytes) != expectedValid)
            {
                Assert.Fail($"{name} validator says {!expectedValid} on {Convert.ToHexString(bytes)}");
            }
        }

        var expected = Bcl(bytes);
        Assert.Equal(expectedValid, expected is not null);
        Assert.Equal(expected, WireText.TryDecode(bytes, out var text) ? text : null);
        if (expected is null)
        {
            return;
        }

        var chars = new char[bytes.Length + 16];
        foreach (var (name, transcode) in Transcoders())
        {
            Array.Fill(chars, '\uFFFF');
            var written = transcode(bytes, chars);
            if (!chars.AsSpan(0, written).SequenceEqual(expected))
            {
                Assert.Fail($"{name} transcoder makes {new string(chars, 0, written)} of {Convert.ToHexString(bytes)}, expected {expected}");
            }
        }
    }

    private static string? Bcl(byte[] bytes)
    {
        var chars = new char[bytes.Length];
        return Utf8.ToUtf16(bytes, chars, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done
            ? new string(chars, 0, written)
            : null;
    }

    // Random code points, weighted by mix: ASCII-heavy, 2-byte, 3-byte, 4-byte, even, and the capture's kind of mix.
    private static byte[] RandomText(Random random, int length, int mix)
    {
        var text = new StringBuilder();
        while (Encoding.UTF8.GetByteCount(text.ToString()) < length)
        {
            var width = mix switch
            {
                0 => random.Next(10) < 9 ? 1 : random.Next(2, 5),
                1 => random.Next(5) == 0 ? 1 : 2,
                2 => random.Next(5) == 0 ? 1 : 3,
                3 => random.Next(3) == 0 ? 1 : 4,
                4 => random.Next(1, 5),
                _ => random.Next(3) != 0 ? 1 : random.Next(2, 5),
            };
            text.Append(width switch
            {
                1 => ((char)random.Next(0, 0x80)).ToString(),
                2 => ((char)random.Next(0x80, 0x800)).ToString(),
                3 => ((char)(random.Next(2) == 0 ? random.Next(0x800, 0xD800) : random.Next(0xE000, 0x10000))).ToString(),
                _ => char.ConvertFromUtf32(random.Next(0x10000, 0x110000)),
            });
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    // One to three changes: a byte replaced, a byte inserted, a byte removed, or the text cut short.
    private static byte[] Damage(Random random, byte[] valid)
    {
        var bytes = valid.ToList();
        for (var change = random.Next(1, 4); change > 0; change--)
        {
            var at = random.Next(bytes.Count + 1);
            var value = random.Next(3) == 0 ? Edges[random.Next(Edges.Length)] : (byte)random.Next(256);
            switch (random.Next(4))
            {
                case 0 when at < bytes.Count:
                    bytes[at] = value;
                    break;
                case 1:
                    bytes.Insert(at, value);
                    break;
                case 2 when at < bytes.Count:
                    bytes.RemoveAt(at);
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return bytes.ToArray();
    }
}
