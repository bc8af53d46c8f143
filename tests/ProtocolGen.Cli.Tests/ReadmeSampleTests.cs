using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ProtocolGen.Tests.Shared;
using Xunit;

namespace ProtocolGen.Cli.Tests;

/// <summary>The README shows real output of the CLI; these tests keep it real.</summary>
public sealed class ReadmeSampleTests
{
    private static readonly string Readme = RepositoryRoot.ReadFile("README.md");

    [Fact]
    public void TheMainJob_RunsAsTheReadmeGivesIt_AndPrintsTheSetUpSample()
    {
        // The main job's arguments as the README's set-up block gives them (after 'dotnet run --project cli --').
        var mainJob = Block("sh", after: "## Set up")[0].Split('#')[0].Trim();
        var args = mainJob[(mainJob.IndexOf(" -- ", StringComparison.Ordinal) + 4)..].Split(' ')
            .Select(a => a == "testdata/rust_info_test.bin" ? TestData.RustInfoPath : a)
            .ToArray();
        var run = CliRun.Of(args);
        var printed = run.Lines.Concat(run.Error.Split('\n')).Select(l => l.Replace(TestData.RustInfoPath, "testdata/rust_info_test.bin")).ToHashSet();

        var sample = Block("text", after: "## Set up").Where(l => l != "...").ToList();

        Assert.Equal(["decode", TestData.RustInfoPath], args);
        Assert.Equal(0, run.ExitCode);
        Assert.NotEmpty(sample);
        Assert.All(sample, line => Assert.Contains(line, printed));
    }

    [Fact]
    public void TheJsonSample_IsWhatDecodeJsonPrintsForTheInfoCapture()
    {
        var printed = CliRun.Of("decode", "--json", TestData.RustInfoPath).Lines.ToHashSet();

        var sample = Block("json", after: "## The `protocolgen` command line").ToList();

        Assert.NotEmpty(sample);
        Assert.All(sample, line => Assert.Contains(line, printed));
    }

    private static string[] Block(string language, string after)
    {
        var section = Readme[Readme.IndexOf(after, StringComparison.Ordinal)..];
        var block = Regex.Match(section, $"```{language}\n(.*?)\n```", RegexOptions.Singleline);
        return block.Groups[1].Value.Split('\n');
    }
}
