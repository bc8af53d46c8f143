using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace ProtocolGen.Pcap.Tests;

/// <summary>
/// Every field tshark shows for a frame of each capture (the layers the sample decodes: frame, eth, ip/ipv6,
/// tcp/udp, data), compared with the decoded records through <see cref="TsharkMapping"/>, or excluded with a reason
/// in <see cref="TsharkExclusions"/>. A key in neither fails, so no tshark field goes unchecked unnoticed.
/// </summary>
public sealed class TsharkFieldTests
{
    private static readonly string[] DecodedLayers = ["frame", "eth", "ip", "ipv6", "tcp", "udp", "data"];

    public static IEnumerable<object[]> EveryFrame => Capture.EveryFrame;

    [Theory]
    [InlineData("loopback")]
    [InlineData("fragments")]
    public void TheReference_HasAnObjectPerFrame_WithOnlyTheLayersTheSampleDecodes(string name)
    {
        var capture = Capture.Named(name);
        var frames = capture.Tshark.EnumerateArray().ToList();

        Assert.Equal(capture.FrameCount, frames.Count);
        Assert.All(frames, f => Assert.Subset(DecodedLayers.ToHashSet(), Layers(f).EnumerateObject().Select(p => p.Name).ToHashSet()));
    }

    [Theory]
    [MemberData(nameof(EveryFrame))]
    public void EveryTsharkField_EqualsTheDecodedValue_OrIsExcludedWithAReason(string capture, int number)
    {
        var tshark = TsharkTree.Leaves(Layers(Capture.Named(capture).Tshark[number - 1]));
        var mapped = Mapped(Capture.Named(capture), number);

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
        var tshark = Capture.All.SelectMany(c => c.Tshark.EnumerateArray()).SelectMany(f => TsharkTree.Leaves(Layers(f)).Keys).ToHashSet();
        var mapped = Capture.All.SelectMany(c => Enumerable.Range(1, c.FrameCount).SelectMany(n => Mapped(c, n).Keys)).ToHashSet();

        var unused = TsharkExclusions.Keys.Where(k => !tshark.Any(path => TsharkExclusions.Excludes(k.Pattern, path))).Select(k => k.Pattern);
        var hiding = TsharkExclusions.Keys.Where(k => mapped.Any(path => TsharkExclusions.Excludes(k.Pattern, path))).Select(k => k.Pattern);

        Assert.Empty(unused);
        Assert.Empty(hiding);
    }

    [Theory]
    [InlineData("loopback")]
    [InlineData("fragments")]
    public void TheMapping_ChecksMostOfWhatTsharkShows(string name)
    {
        var capture = Capture.Named(name);
        var tshark = capture.Tshark.EnumerateArray().Sum(f => TsharkTree.Leaves(Layers(f)).Count);
        var mapped = Enumerable.Range(1, capture.FrameCount).Sum(n => Mapped(capture, n).Count);

        Assert.True(mapped * 3 > tshark * 2, $"{mapped} of {tshark} tshark fields are compared");
    }

    /// <summary>What the mapping builds for frame <paramref name="number"/> of <paramref name="capture"/>.</summary>
    internal static Dictionary<string, string> Mapped(Capture capture, int number)
    {
        var frame = capture.Frame(number);
        var previous = capture.Frame(number == 1 ? 1 : number - 1).Record;
        return TsharkMapping.Dissect(frame, capture.Frame(1).Record, previous).Leaves();
    }

    internal static JsonElement Layers(JsonElement frame) => frame.GetProperty("_source").GetProperty("layers");
}
