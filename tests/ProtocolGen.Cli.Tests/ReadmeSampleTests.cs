using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace ProtocolGen.Cli.Tests;

/// <summary>The README shows real output of the CLI; these tests keep it real.</summary>
public sealed class ReadmeSampleTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(FindRepositoryRoot(), "README.md"));

    [Fact]
    public void TheSetUpSample_IsWhatDecodePrintsForTheInfoCapture()
    {
        var run = CliRun.Of("decode", TestData.RustInfoPath);
        var printed = run.Lines.Concat(run.Error.Split('\n')).Select(l => l.Replace(TestData.RustInfoPath, "testdata/rust_info_test.bin")).ToHashSet();

        var sample = Block("text", after: "## Set up").Where(l => l != "...").ToList();

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

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ProtocolGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ProtocolGen.sln above {AppContext.BaseDirectory}.");
    }
}
