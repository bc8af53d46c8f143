using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ProtocolGen.Framing;
using ProtocolGen.Streaming;
using ProtocolGen.Wire;

namespace ProtocolGen.Fuzz.Tests.Mutation;

/// <summary>What one run of the mutation suite did, for its report and its assertions.</summary>
internal sealed class MutationReport
{
    public long Cases { get; set; }

    public long Bytes { get; set; }

    public long Frames { get; set; }

    public long IntactFrames { get; set; }

    public long Errors { get; set; }

    /// <summary>The most the span path allocated above the model's expected cost, in one case.</summary>
    public long WorstSpanExcess { get; set; } = long.MinValue;

    /// <summary>The most a streaming path allocated above the span path and its allowances, in one case.</summary>
    public long WorstPathExcess { get; set; } = long.MinValue;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Cases} cases, {Bytes} bytes, {Frames} frames ({IntactFrames} intact seed frames recovered, {Errors} typed errors); allocation: span path at most {WorstSpanExcess} B over the model's expected cost, the other paths at most {WorstPathExcess} B over the span path and their per-frame and per-read allowances");
}

/// <summary>
/// Runs mutated streams of one union through the five decode paths and checks each against the reference
/// model: only typed errors, the same frames on every path, the chain of declared lengths followed exactly,
/// every intact seed frame recovered as its packet, and allocation within what the model expects: each intact
/// seed frame its own measured cost, each other frame an error's or a packet's allowance, each path a fixed slack.
/// </summary>
internal sealed class MutationRun<TUnion>(Seeds.SeedFrames<TUnion> seeds, bool hasLength)
    where TUnion : IPacketUnion<TUnion>
{
    // What one failed frame may allocate on the span path: its ProtocolError record, plus the 16-byte array
    // WireReader's ZeroBytes allocates on each failed multi-byte read today (issue 9 A1, fixed on the perf
    // branch: then this allowance can shrink to the ProtocolError alone), for up to two failed reads.
    private const int ErrorAllowance = 96 + 2 * 40;

    // What a mutated (not seed) frame that still decodes may allocate: its packet object, and up to 3 bytes per
    // body byte for what the body holds (UTF-16 text is 2 per byte, byte arrays 1, element arrays under 2).
    private const int PacketAllowance = 256;
    private const int PerBodyByte = 3;

    // Slack for the span path as a whole (its enumerator), and for the streaming paths' own objects (reader,
    // decoder, async state, a pooled buffer rented again after a GC trimmed the shared pool, which is warmed
    // first): per case, never per byte or per frame. Measured: span at most ~150 B over, the others ~4 KB.
    private const int SpanSlack = 256;
    private const int PathSlack = 8 * 1024;

    // A read that ends inside a frame makes the streaming paths try the cut frame again on the next read; on
    // command streams (frames without lengths, read 1 byte at a time) that costs up to about 160 B per read
    // today, most likely the failed body read's allocation (WireReader's ZeroBytes array; issue 9 A1, which the
    // perf branch makes allocation-free: then set this to 0, and this bound checks that it is).
    private const int PartialReadAllowance = 192;

    // A queued frame (its FrameResult and where its bytes are), twice over for the doubling queue array.
    private const int QueuedFrameAllowance = 2 * 64;

    private readonly Dictionary<string, long> _seedCost = MeasureSeeds(seeds);
    private readonly bool _poolWarmed = WarmThePool();
    private readonly List<Decoded<TUnion>> _span = new(4096);
    private readonly List<Decoded<TUnion>> _stream = new(4096);
    private readonly List<Decoded<TUnion>> _pipe = new(4096);
    private readonly List<Decoded<TUnion>> _streamReader = new(4096);
    private readonly List<Decoded<TUnion>> _readAll = new(4096);

    public MutationReport Run(int seed, int cases, int? onlyCase = null)
    {
        var report = new MutationReport();
        var first = onlyCase ?? 0;
        var end = onlyCase + 1 ?? cases;
        for (var index = first; index < end; index++)
        {
            var random = FuzzSettings.ForCase(seed, index);
            var data = Mutator.Build(random, seeds.Frames, hasLength);
            string? problem;
            try
            {
                problem = Check(data, random, report);
            }
            catch (Exception e)
            {
                problem = "an exception escaped a decoder: " + e;
            }

            if (problem is not null)
            {
                throw new Xunit.Sdk.XunitException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{typeof(TUnion).Name} case {index} of seed {seed}: {problem}\nreproduce: PROTOCOLGEN_FUZZ_SEED={seed} PROTOCOLGEN_FUZZ_CASE={index} dotnet test tests/ProtocolGen.Fuzz.Tests\ninput ({data.Length} bytes): {Convert.ToHexString(data.AsSpan(0, Math.Min(data.Length, 512)))}"));
            }

            report.Cases++;
            report.Bytes += data.Length;
        }

        return report;
    }

    private string? Check(byte[] data, Random random, MutationReport report)
    {
        _span.Clear();
        _stream.Clear();
        _pipe.Clear();
        _streamReader.Clear();
        _readAll.Clear();

        var chain = hasLength
            ? ReferenceModel.WalkLengths(data, FrameDecoderOptions.DefaultMaxBodyLength)
            : ReferenceModel.WalkTypes(data, ReferenceModel.CommandBodySizes);
        var expectedAllocation = ExpectedAllocation(data, chain);

        var spanAllocated = Allocated(() => { DecodePaths.Span(data, _span); });
        if (spanAllocated > expectedAllocation + SpanSlack)
        {
            return $"the span path allocated {spanAllocated} bytes; the model expects at most {expectedAllocation} + {SpanSlack} for its {chain.Count} frames";
        }

        report.WorstSpanExcess = Math.Max(report.WorstSpanExcess, spanAllocated - expectedAllocation);
        // PacketStreamReader and ReadAllAsync collect the frames of one read before they hand them out, in a
        // queue or list of their own (fresh per case here): its array grows, doubling, to the most frames one
        // read holds.
        var paths = new (string Name, List<Decoded<TUnion>> Frames, int PerFrame, Func<int> Decode)[]
        {
            ("Stream", _stream, 0, () => DecodePaths.Stream(data, random, _stream)),
            ("PipeReader", _pipe, 0, () => DecodePaths.Pipe(data, random, _pipe)),
            ("PacketStreamReader", _streamReader, QueuedFrameAllowance, () => DecodePaths.StreamReader(data, random, _streamReader)),
            ("PacketReader.ReadAllAsync", _readAll, QueuedFrameAllowance, () => DecodePaths.ReadAll(data, random, _readAll)),
        };
        foreach (var (name, frames, perFrame, decode) in paths)
        {
            var reads = 0;
            var allocated = Allocated(() => reads = decode());
            var excess = allocated - spanAllocated - (long)perFrame * chain.Count - (long)PartialReadAllowance * reads;
            if (excess > PathSlack)
            {
                return $"the {name} path allocated {allocated} bytes in {reads} reads, the span path {spanAllocated}: more than {PathSlack} over it (plus {perFrame} per frame and {PartialReadAllowance} per read)";
            }

            report.WorstPathExcess = Math.Max(report.WorstPathExcess, excess);
            if (Differ(_span, frames) is { } difference)
            {
                return $"the {name} path differs from the span path: " + difference;
            }
        }

        if (chain.Count != _span.Count)
        {
            return $"the model walks {chain.Count} frames, the decoder gave {_span.Count}: model [{string.Join(", ", chain)}], decoder [{string.Join(", ", _span)}]";
        }

        for (var i = 0; i < chain.Count; i++)
        {
            var expected = chain[i];
            var actual = _span[i];
            if (expected.Offset != actual.Offset || expected.Length != actual.Length)
            {
                return $"frame {i}: the model has {expected}, the decoder {actual}";
            }

            var kindOk = expected.Kind switch
            {
                ChainKind.Truncated => actual.Error == ProtocolErrorKind.Truncated,
                ChainKind.TooLarge => actual.Error == ProtocolErrorKind.FrameTooLarge,
                ChainKind.UnknownType => actual.Error == ProtocolErrorKind.UnknownType,
                _ => actual.Error is null or not (ProtocolErrorKind.Truncated or ProtocolErrorKind.FrameTooLarge),
            };
            if (!kindOk)
            {
                return $"frame {i}: the model expects {expected.Kind}, the decoder gave {actual}";
            }

            if (expected.Kind == ChainKind.Body && seeds.TryGetPacket(data.AsSpan((int)expected.Offset, (int)expected.Length), out var packet))
            {
                if (actual.Packet is null || !actual.Packet.Equals(packet))
                {
                    return $"frame {i} at {expected.Offset} is an intact seed frame of {packet}, but the decoder gave {actual}";
                }

                report.IntactFrames++;
            }

            report.Frames++;
            if (actual.Error is not null)
            {
                report.Errors++;
            }
        }

        return null;
    }

    // The shared pool builds its per-thread and per-size stores on the first rent of each size on a thread:
    // kilobytes, once. Done here, before any measurement, so that no case pays it (the read sizes are random).
    private static bool WarmThePool()
    {
        for (var size = 1; size <= 1 << 21; size *= 2)
        {
            ArrayPool<byte>.Shared.Return(ArrayPool<byte>.Shared.Rent(size));
        }

        return true;
    }

    private static long Allocated(Func<int> decode) => Allocated(() => { decode(); });

    private static long Allocated(Action decode)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        decode();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    // Each good seed frame's cost on the span path, alone, above an empty input's: what an intact copy of it
    // may cost in a mutated stream.
    private static Dictionary<string, long> MeasureSeeds(Seeds.SeedFrames<TUnion> seeds)
    {
        var into = new List<Decoded<TUnion>>(16);
        long Cost(byte[] data)
        {
            var least = long.MaxValue;
            for (var i = 0; i < 3; i++)
            {
                into.Clear();
                least = Math.Min(least, Allocated(() => { DecodePaths.Span(data, into); }));
            }

            return least;
        }

        var empty = Cost([]);
        var costs = new Dictionary<string, long>();
        foreach (var frame in seeds.Frames)
        {
            if (seeds.TryGetPacket(frame, out _))
            {
                costs[Convert.ToHexString(frame)] = Cost(frame) - empty;
            }
        }

        return costs;
    }

    // The model's expected span-path allocation: an intact seed frame costs what it cost alone; any other frame
    // at most a failed frame's error, or, when its mutated body still decodes, a packet and its contents.
    private long ExpectedAllocation(byte[] data, List<ChainFrame> chain)
    {
        long total = 0;
        foreach (var frame in chain)
        {
            if (frame.Kind == ChainKind.Body
                && frame.Length <= seeds.LongestGoodFrame
                && _seedCost.TryGetValue(Convert.ToHexString(data, (int)frame.Offset, (int)frame.Length), out var cost))
            {
                total += cost;
            }
            else
            {
                total += frame.Kind == ChainKind.Body
                    ? Math.Max(ErrorAllowance, PacketAllowance + PerBodyByte * frame.Length)
                    : ErrorAllowance;
            }
        }

        return total;
    }

    private static string? Differ(List<Decoded<TUnion>> expected, List<Decoded<TUnion>> actual)
    {
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            if (i >= expected.Count || i >= actual.Count || !Same(expected[i], actual[i]))
            {
                return string.Create(CultureInfo.InvariantCulture, $"frame {i}: {(i < expected.Count ? expected[i].ToString() : "none")} vs {(i < actual.Count ? actual[i].ToString() : "none")}");
            }
        }

        return null;
    }

    private static bool Same(Decoded<TUnion> a, Decoded<TUnion> b) =>
        a.Offset == b.Offset && a.Length == b.Length && a.Error == b.Error && Equals(a.Packet, b.Packet);
}
