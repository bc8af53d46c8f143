using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace ProtocolGen.Fuzz.Tests.Mutation;

/// <summary>What the reference model expects of one frame on the chain.</summary>
internal enum ChainKind
{
    /// <summary>A whole frame: the body decides between a packet and a body error.</summary>
    Body,

    /// <summary>The data ends inside the frame (or its header).</summary>
    Truncated,

    /// <summary>A declared length over the cap.</summary>
    TooLarge,

    /// <summary>A type byte the union does not define (frames without a length only: one byte is skipped).</summary>
    UnknownType,
}

/// <summary>One frame of the chain: where it starts, how many bytes it takes, and what it must be.</summary>
internal readonly record struct ChainFrame(long Offset, long Length, ChainKind Kind);

/// <summary>
/// A small model of framing written from protocol.md, not from the decoder: a plain walk from header to header.
/// A frame with a length is its 5-byte header plus the length it declares; a command (no length) is its type
/// byte plus the fixed body size protocol.md states, and an unknown type byte is one byte.
/// </summary>
internal static class ReferenceModel
{
    public static List<ChainFrame> WalkLengths(ReadOnlySpan<byte> data, int maxBodyLength)
    {
        var chain = new List<ChainFrame>();
        long offset = 0;
        while (offset < data.Length)
        {
            var rest = data.Length - offset;
            if (rest < 5)
            {
                chain.Add(new(offset, rest, ChainKind.Truncated));
                break;
            }

            long declared = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice((int)offset + 1, 4));
            if (declared > maxBodyLength)
            {
                chain.Add(new(offset, 5 + declared, ChainKind.TooLarge));
            }
            else if (5 + declared > rest)
            {
                chain.Add(new(offset, rest, ChainKind.Truncated));
                break;
            }
            else
            {
                chain.Add(new(offset, 5 + declared, ChainKind.Body));
            }

            offset += 5 + declared;
        }

        return chain;
    }

    public static List<ChainFrame> WalkTypes(ReadOnlySpan<byte> data, IReadOnlyDictionary<byte, int> bodySizes)
    {
        var chain = new List<ChainFrame>();
        long offset = 0;
        while (offset < data.Length)
        {
            var rest = data.Length - offset;
            if (!bodySizes.TryGetValue(data[(int)offset], out var size))
            {
                chain.Add(new(offset, 1, ChainKind.UnknownType));
                offset++;
            }
            else if (1 + size > rest)
            {
                chain.Add(new(offset, rest, ChainKind.Truncated));
                break;
            }
            else
            {
                chain.Add(new(offset, 1 + size, ChainKind.Body));
                offset += 1 + size;
            }
        }

        return chain;
    }

    /// <summary>
    /// Each command type's body size, from protocol.md's command table (not from the generated layouts, which
    /// come from the code under test; <c>CommandSizeTests</c> checks that the two agree).
    /// </summary>
    public static IReadOnlyDictionary<byte, int> CommandBodySizes { get; } = new Dictionary<byte, int>
    {
        [0] = 0, // Shutdown
        [1] = 9, // Verdict: id u64, verdict u8
        [2] = 14, // UpdateV4: protocol u8, local_address [4], local_port u16, remote_address [4], remote_port u16, verdict u8
        [3] = 38, // UpdateV6: as type 2 with 16-byte addresses
        [4] = 0, // ClearCache
        [5] = 0, // GetLogs
        [6] = 0, // GetBandwidthStats
        [7] = 0, // PrintMemoryStats
        [8] = 0, // CleanEndedConnections
    };
}
