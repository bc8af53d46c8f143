using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using ProtocolGen.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace ProtocolGen.Pcap.Tests;

/// <summary>
/// Regenerates tshark's dissection of each capture, where tshark is installed, and compares every mapped key with the
/// committed NAME.tshark.json (so a newer tshark that adds keys passes, and one that changes a mapped value fails).
/// <c>PROTOCOLGEN_ACCEPT_TSHARK=1</c> rewrites the committed files instead. CI has no tshark: there the test says so and
/// passes, having compared nothing but the committed files (which <see cref="TsharkFieldTests"/> checks).
/// </summary>
public sealed class TsharkReferenceTests(ITestOutputHelper output)
{
    // The options make-captures.sh gives tshark: checksum validation on, so the status fields say "good".
    private static readonly string[] Checks = ["-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE"];

    [Theory]
    [InlineData("loopback")]
    [InlineData("fragments")]
    public void TsharkToday_DissectsTheCapture_AsTheCommittedReferenceSays_ForEveryMappedKey(string name)
    {
        if (FindOnPath("tshark") is not { } tshark)
        {
            output.WriteLine("tshark not installed; compared committed output only");
            return;
        }

        var capture = Capture.PathOf(name + ".pcap");
        var json = Run(tshark, ["-r", capture, .. Checks, "-T", "json", "--no-duplicate-keys"]);
        if (Environment.GetEnvironmentVariable("PROTOCOLGEN_ACCEPT_TSHARK") == "1")
        {
            var folder = Path.Combine(RepositoryRoot.Path, "testdata", "pcap");
            File.WriteAllText(Path.Combine(folder, name + ".tshark.json"), json);
            File.WriteAllText(Path.Combine(folder, name + ".tshark.txt"), Run(tshark, ["-r", capture, .. Checks]));
            output.WriteLine($"rewrote {name}.tshark.json and {name}.tshark.txt in {folder}");
            return;
        }

        var differences = MappedDifferences(Capture.Named(name), JsonDocument.Parse(json).RootElement);

        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public void TheComparison_FindsAChangedMappedValue_AndIgnoresKeysItDoesNotMap()
    {
        var committed = File.ReadAllText(Capture.PathOf("loopback.tshark.json"));
        var changedTtl = committed.Replace("\"ip.ttl\": \"64\"", "\"ip.ttl\": \"63\"", StringComparison.Ordinal);
        var newKey = committed.Replace("\"frame.marked\": \"0\"", "\"frame.marked\": \"0\", \"frame.new_in_tshark_9\": \"1\"", StringComparison.Ordinal);

        Assert.Empty(MappedDifferences(Capture.Loopback, JsonDocument.Parse(committed).RootElement));
        Assert.Equal(25, MappedDifferences(Capture.Loopback, JsonDocument.Parse(changedTtl).RootElement).Count);
        Assert.Empty(MappedDifferences(Capture.Loopback, JsonDocument.Parse(newKey).RootElement));
    }

    // Per frame, every key the mapping builds, where the two dissections disagree.
    private static List<string> MappedDifferences(Capture capture, JsonElement regenerated)
    {
        var committed = capture.Tshark;
        var differences = new List<string>();
        if (regenerated.GetArrayLength() != committed.GetArrayLength())
        {
            differences.Add($"{regenerated.GetArrayLength()} frames, not {committed.GetArrayLength()}");
            return differences;
        }

        for (var number = 1; number <= committed.GetArrayLength(); number++)
        {
            var before = TsharkTree.Leaves(TsharkFieldTests.Layers(committed[number - 1]));
            var now = TsharkTree.Leaves(TsharkFieldTests.Layers(regenerated[number - 1]));
            foreach (var key in TsharkFieldTests.Mapped(capture, number).Keys)
            {
                var was = before.GetValueOrDefault(key);
                var @is = now.GetValueOrDefault(key);
                if (was != @is)
                {
                    differences.Add($"frame {number} {key}: committed {was ?? "(absent)"}, tshark now {@is ?? "(absent)"}");
                }
            }
        }

        return differences;
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => new[] { Path.Combine(folder, program), Path.Combine(folder, program + ".exe") })
            .FirstOrDefault(File.Exists);

    private static string Run(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} exited with {process.ExitCode}: {errors.Result}");
        return text;
    }
}
