using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace ProtocolGen.Pcap.Tests;

/// <summary>
/// Every field tshark shows for a frame of loopback.pcap (the layers the sample decodes: frame, eth, ip/ipv6,
/// tcp/udp, data), compared with the decoded records through <see cref="TsharkMapping"/>, or excluded with a reason
/// in <see cref="TsharkExclusions"/>. A key in neither fails, so no tshark field goes unchecked unnoticed.
/// </summary>
public sealed class TsharkFieldTests
{
    private static readonly string[] DecodedLayers = ["frame", "eth", "ip", "ipv6", "tcp", "udp", "data"];

    public static IEnumerable<object[]> FrameNumbers => PcapRoundTripTests.FrameNumbers;

    [Fact]
    public void TheReference_HasAnObjectPerFrame_WithOnlyTheLayersTheSampleDecodes()
    {
        var frames = Loopback.Tshark.EnumerateArray().ToList();

        Assert.Equal(Loopback.FrameCount, frames.Count);
        Assert.All(frames, f => Assert.Subset(DecodedLayers.ToHashSet(), Layers(f).EnumerateObject().Select(p => p.Name).ToHashSet()));
    }

    [Theory]
    [MemberData(nameof(FrameNumbers))]
    public void EveryTsharkField_EqualsTheDecodedValue_OrIsExcludedWithAReason(int number)
    {
        var tshark = TsharkTree.Leaves(Layers(Loopback.Tshark[number - 1]));
        var mapped = Mapped(number);

        var unmapped = tshark.Keys.Where(k => !mapped.ContainsKey(k) && TsharkExclusions.ReasonFor(k) is null).ToList();
        var absent = mapped.Keys.Where(k => !tshark.ContainsKey(k)).ToList();
        var differing = mapped.Where(m => tshark.TryGetValue(m.Key, out var value) && value != m.Value)
            .Select(m => $"{m.Key}: tshark {tshark[m.Key]}, decoded {m.Value}")
            .ToList();

        Assert.True(unmapped.Count == 0, $"tshark fields neither mapped nor excluded: {string.Join(", ", unmapped)}");
        Assert.True(absent.Count == 0, $"mapped fields tshark does not show: {string.Join(", ", absent)}");
        Assert.True(differing.Count == 0, string.Join("\n", differing));
    }

    [Fact]
    public void EveryExclusion_ExcludesSomeKeyOfTheCapture_AndNoMappedOne()
    {
        var tshark = Loopback.Tshark.EnumerateArray().SelectMany(f => TsharkTree.Leaves(Layers(f)).Keys).ToHashSet();
        var mapped = Enumerable.Range(1, Loopback.FrameCount).SelectMany(n => Mapped(n).Keys).ToHashSet();

        var unused = TsharkExclusions.Keys.Where(k => !tshark.Any(path => TsharkExclusions.Excludes(k.Pattern, path))).Select(k => k.Pattern);
        var hiding = TsharkExclusions.Keys.Where(k => mapped.Any(path => TsharkExclusions.Excludes(k.Pattern, path))).Select(k => k.Pattern);

        Assert.Empty(unused);
        Assert.Empty(hiding);
    }

    [Fact]
    public void TheMapping_ChecksMostOfWhatTsharkShows()
    {
        var tshark = Loopback.Tshark.EnumerateArray().Sum(f => TsharkTree.Leaves(Layers(f)).Count);
        var mapped = Enumerable.Range(1, Loopback.FrameCount).Sum(n => Mapped(n).Count);

        Assert.True(mapped * 3 > tshark * 2, $"{mapped} of {tshark} tshark fields are compared");
    }

    /// <summary>What the mapping builds for frame <paramref name="number"/>.</summary>
    internal static Dictionary<string, string> Mapped(int number)
    {
        var frame = Loopback.Frame(number);
        var previous = Loopback.Frame(number == 1 ? 1 : number - 1).Record;
        return TsharkMapping.Dissect(frame, Loopback.Frame(1).Record, previous).Leaves();
    }

    internal static JsonElement Layers(JsonElement frame) => frame.GetProperty("_source").GetProperty("layers");
}
