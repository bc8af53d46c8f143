using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using ProtocolGen.Framing;

namespace ProtocolGen.Fuzz.Tests.Mutation;

/// <summary>
/// Builds one hostile stream: a few seed frames end to end, then one to four mutations of the kinds a broken or
/// malicious peer produces. Everything comes from the case's own <see cref="Random"/>, so a case is reproduced
/// from its seed and number alone.
/// </summary>
internal static class Mutator
{
    private static readonly uint[] SpecialLengths = [0, 0xFFFF_FFFF, 0x7FFF_FFFF, 0x8000_0000, 0x0010_0000, 0x0010_0001];

    public static byte[] Build(Random random, byte[][] seeds, bool hasLength)
    {
        var stream = new List<byte>();
        var count = random.Next(1, 9);
        for (var i = 0; i < count; i++)
        {
            stream.AddRange(seeds[random.Next(seeds.Length)]);
        }

        var mutations = random.Next(1, 5);
        for (var i = 0; i < mutations; i++)
        {
            // The heads the decoder will meet: the chain as it stands now, after the mutations so far (an insert
            // or a cut moves every head after it, a changed length moves the chain).
            Mutate(random, stream, Heads(stream, hasLength), hasLength);
        }

        return stream.ToArray();
    }

    /// <summary>Where each frame of the chain starts: the headers that length and type mutations aim at.</summary>
    public static List<int> Heads(List<byte> stream, bool hasLength)
    {
        var data = CollectionsMarshal.AsSpan(stream);
        var chain = hasLength
            ? ReferenceModel.WalkLengths(data, FrameDecoderOptions.DefaultMaxBodyLength)
            : ReferenceModel.WalkTypes(data, ReferenceModel.CommandBodySizes);
        var heads = new List<int>(chain.Count);
        foreach (var frame in chain)
        {
            heads.Add((int)frame.Offset);
        }

        return heads;
    }

    private static void Mutate(Random random, List<byte> stream, List<int> heads, bool hasLength)
    {
        if (stream.Count == 0)
        {
            stream.AddRange(Garbage(random));
            return;
        }

        var at = random.Next(stream.Count);
        if (heads.Count == 0)
        {
            heads.Add(0);
        }

        switch (random.Next(hasLength ? 9 : 8))
        {
            case 0: // a bit flip
                stream[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1: // bytes overwritten
                for (var i = at; i < Math.Min(stream.Count, at + random.Next(1, 5)); i++)
                {
                    stream[i] = (byte)random.Next(256);
                }

                break;
            case 2: // cut short
                stream.RemoveRange(at, stream.Count - at);
                break;
            case 3: // garbage inserted
                stream.InsertRange(at, Garbage(random));
                break;
            case 4: // a span duplicated
            {
                var length = Math.Min(random.Next(1, 65), stream.Count - at);
                stream.InsertRange(random.Next(stream.Count + 1), stream.GetRange(at, length));
                break;
            }

            case 5: // a span removed
                stream.RemoveRange(at, Math.Min(random.Next(1, 33), stream.Count - at));
                break;
            case 6: // a frame's type byte changed: to a neighbour, or to anything
            {
                var head = heads[random.Next(heads.Count)];
                if (head < stream.Count)
                {
                    stream[head] = random.Next(2) == 0 ? (byte)(stream[head] + random.Next(-2, 3)) : (byte)random.Next(256);
                }

                break;
            }

            case 7: // a whole seed frame's worth of random bytes, or one frame's head repeated
                stream.InsertRange(at, random.Next(2) == 0 ? Garbage(random) : stream.GetRange(heads[random.Next(heads.Count)] % stream.Count, 1));
                break;
            default: // a frame's declared length changed: 0, all ones, around the cap, or off by 1 to 10
            {
                var head = heads[random.Next(heads.Count)];
                if (head + 5 > stream.Count)
                {
                    break;
                }

                Span<byte> field = stackalloc byte[4];
                for (var i = 0; i < 4; i++)
                {
                    field[i] = stream[head + 1 + i];
                }

                var declared = BinaryPrimitives.ReadUInt32LittleEndian(field);
                declared = random.Next(3) == 0
                    ? SpecialLengths[random.Next(SpecialLengths.Length)]
                    : (uint)(declared + (random.Next(2) == 0 ? 1 : -1) * random.Next(1, 11));
                BinaryPrimitives.WriteUInt32LittleEndian(field, declared);
                for (var i = 0; i < 4; i++)
                {
                    stream[head + 1 + i] = field[i];
                }

                break;
            }
        }
    }

    private static byte[] Garbage(Random random)
    {
        var bytes = new byte[random.Next(1, 17)];
        random.NextBytes(bytes);
        return bytes;
    }
}
