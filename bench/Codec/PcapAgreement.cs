extern alias PcapSample;

using System;
using System.Buffers.Binary;
using System.Linq;
using ProtocolGen.Benchmarks.Baselines;
using ProtocolGen.Benchmarks.Data;
using ProtocolGen.Benchmarks.Harness;
using PcapSample::ProtocolGen.Samples.Pcap;

namespace ProtocolGen.Benchmarks.Codec;

/// <summary>How the pcap rows' verification holds the hand-written reader to the sample's: equal files, and the same bytes refused.</summary>
internal static class PcapAgreement
{
    private const int RecordHeaderSize = 16;

    // Every byte of each record's headers (record, Ethernet, IP with options, TCP with options) is mutated.
    private const int MutatedPrefix = RecordHeaderSize + 14 + 60 + 60;

    private static readonly byte[] Masks = [0x01, 0x04, 0x10, 0x80, 0xFF];

    /// <summary>Equal files: the records by value (bytes by content), then the derived fields their equality skips.</summary>
    public static void Compare(PcapFile expected, PcapFile? actual, string what)
    {
        Check.That(actual is not null, $"{what}: refused a file the sample reads");
        Check.Equal(expected.Header, actual!.Header, $"{what}: file header");
        Check.Equal(PcapDerivedFields.Of(expected.Header), PcapDerivedFields.Of(actual.Header), $"{what}: file header's version");
        Check.SameSequence<PcapFrame>(expected.Frames.AsSpan(), actual.Frames.AsSpan(), what);
        Check.SameSequence<string>(expected.Frames.Select(PcapDerivedFields.Of).ToArray(), actual.Frames.Select(PcapDerivedFields.Of).ToArray(), $"{what}: derived fields");
    }

    /// <summary>
    /// Each frame of <paramref name="file"/> alone after its file header, with one byte of its headers (or of the file
    /// header) changed by each of a few masks, read with checksums verified and not: the hand-written reader must
    /// refuse exactly the files the sample refuses, and read the others to equal records. Unverified checksums let
    /// the changes reach the length, option, fragment and snap-length rules.
    /// </summary>
    public static void CheckRefusals(byte[] file)
    {
        var refused = 0;
        var read = 0;
        var header = file.AsSpan(0, PcapCapture.FileHeaderSize);
        var offset = PcapCapture.FileHeaderSize;
        for (var number = 1; offset < file.Length; number++)
        {
            var recordLength = RecordHeaderSize + (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 8));
            var single = new byte[header.Length + recordLength];
            header.CopyTo(single);
            file.AsSpan(offset, recordLength).CopyTo(single.AsSpan(header.Length));
            var first = number == 1 ? 0 : header.Length;
            for (var at = first; at < Math.Min(single.Length, header.Length + MutatedPrefix); at++)
            {
                foreach (var mask in Masks)
                {
                    single[at] ^= mask;
                    foreach (var verifyChecksums in new[] { true, false })
                    {
                        var expected = ReadOrNull(single, verifyChecksums);
                        var actual = HandWrittenPcapReader.Read(single, verifyChecksums);
                        var what = $"(a) hand-written decode of frame {number} with byte {at} ^ 0x{mask:x2} (checksums {(verifyChecksums ? "verified" : "not verified")})";
                        if (expected is null)
                        {
                            Check.That(actual is null, $"{what}: read a file the sample refuses");
                            refused++;
                        }
                        else
                        {
                            Compare(expected, actual, what);
                            read++;
                        }
                    }

                    single[at] ^= mask;
                }
            }

            offset += recordLength;
        }

        Check.That(refused > 1000 && read > 1000, $"the mutations reach both outcomes ({refused} refused, {read} read)");
    }

    private static PcapFile? ReadOrNull(byte[] file, bool verifyChecksums)
    {
        try
        {
            return PcapFile.Read(file, verifyChecksums);
        }
        catch (PcapFormatException)
        {
            return null;
        }
    }
}
