using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProtocolGen.Fuzz;
using ProtocolGen.Portmaster;
using Xunit;

namespace ProtocolGen.Fuzz.Tests;

/// <summary>
/// Every input kept under testdata/fuzz/ (the fuzzer's starting corpus, and every input that once crashed a
/// target) runs through the same checks the coverage-guided harness makes: a crash fixed stays fixed.
/// </summary>
public sealed class FuzzInputReplayTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "testdata", "fuzz");

    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in new[] { "info", "command", "json-info", "json-command" })
        {
            foreach (var folder in new[] { Path.Combine(Root, target), Path.Combine(Root, "crashes", target) })
            {
                foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder).Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
                {
                    data.Add(target, Path.GetRelativePath(Root, file));
                }
            }
        }

        return data;
    }

    [Fact]
    public void TheCorpus_HasInputsForEveryTarget_AndAtLeastOneCrashKept()
    {
        var targets = Inputs().Select(row => (string)row[0]).Distinct().ToArray();

        Assert.Equal(["info", "command", "json-info", "json-command"], targets);
        Assert.Contains(Inputs(), row => ((string)row[1]).StartsWith("crashes", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void AKeptFuzzInput_RunsThroughItsTarget_WithoutACrash(string target, string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Root, file));
        Action<byte[]> run = target switch
        {
            "info" => FuzzTargets.Frames<Info>,
            "command" => FuzzTargets.Frames<Command>,
            "json-info" => FuzzTargets.Json<Info>,
            _ => FuzzTargets.Json<Command>,
        };

        run(bytes);
    }
}
