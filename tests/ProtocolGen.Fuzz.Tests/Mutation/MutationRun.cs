using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ProtocolGen.Fuzz.Tests.Mutation;

/// <summary>What one run of the mutation suite did, for its report and its assertions.</summary>
internal sealed class MutationReport
{
    public long Cases { get; set; }

    public long Bytes { get; set; }

    public long Frames { get; set; }

    public long IntactFrames { get; set; }

    public long Errors { get; set; }

    public double WorstAllocationPerByte { get; set; }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Cases} cases, {Bytes} bytes, {Frames} frames ({IntactFrames} intact seed frames recovered, {Errors} typed errors), worst span-path allocation {WorstAllocationPerByte:F1} B per input byte");
}

/// <summary>
/// Runs mutated streams of one union through the three decode paths and checks each against the reference
/// model: only typed errors, the same frames on every path, the chain of declared lengths followed exactly,
/// every intact seed frame recovered as its packet, and allocation bounded by the input.
/// </summary>
internal sealed class MutationRun<TUnion>(Seeds.SeedFrames<TUnion> seeds, bool hasLength)
    where TUnion : IPacketUnion<TUnion>
{
    // Generous: a packet object per frame, an error per byte of garbage, and the paths' fixed costs.
    private const int AllocationPerByte = 512;
    private const int AllocationFixed = 64 * 1024;

    private readonly Dictionary<byte, int> _bodySizes = ReferenceModel.CommandBodySizes();
    private readonly List<Decoded<TUnion>> _span = new();
    private readonly List<Decoded<TUnion>> _stream = new();
    private readonly List<Decoded<TUnion>> _pipe = new();

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

        var before = GC.GetAllocatedBytesForCurrentThread();
        DecodePaths.Span(data, _span);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (allocated > AllocationFixed + (long)AllocationPerByte * data.Length)
        {
            return $"the span path allocated {allocated} bytes for {data.Length} bytes of input";
        }

        report.WorstAllocationPerByte = Math.Max(report.WorstAllocationPerByte, data.Length == 0 ? 0 : (double)allocated / data.Length);
        DecodePaths.Stream(data, random, _stream);
        DecodePaths.Pipe(data, random, _pipe);
        if (Differ(_span, _stream) is { } streamDiff)
        {
            return "the Stream path differs from the span path: " + streamDiff;
        }

        if (Differ(_span, _pipe) is { } pipeDiff)
        {
            return "the PipeReader path differs from the span path: " + pipeDiff;
        }

        var chain = hasLength
            ? ReferenceModel.WalkLengths(data, FrameDecoderOptions.DefaultMaxBodyLength)
            : ReferenceModel.WalkTypes(data, _bodySizes);
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
