using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ProtocolGen.Tests.Shared;
using Xunit;

namespace ProtocolGen.Readme.Tests;

public sealed class ReadmeTests
{
    private static readonly string Readme = RepositoryRoot.ReadFile("README.md");

    [Fact]
    public void EveryCSharpSample_CompilesWithTheGenerator_WithoutErrorsOrWarnings()
    {
        var samples = MarkdownCodeBlock.Parse(Readme).Where(b => b.Language == "csharp").ToList();

        var diagnostics = SampleCompilation.Compile("README.md", samples);

        Assert.True(samples.Count >= 5, $"README has {samples.Count} C# samples; the tutorial alone has more.");
        Assert.True(diagnostics.IsEmpty, string.Join("\n", diagnostics.Select(d => d.ToString())));
    }

    [Fact]
    public void TheTutorialsSamples_AreTheFilesOfOneProgram_ThatCompilesInCSharp12ForDotNet8()
    {
        var start = Readme.IndexOf("## Five-minute tutorial", StringComparison.Ordinal);
        var end = Readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var files = MarkdownCodeBlock.Parse(Readme[start..end]).Where(b => b.Language == "csharp")
            .Select(b => b with { Line = b.Line + Readme[..start].Count(c => c == '\n') })
            .ToList();

        var diagnostics = SampleCompilation.CompileProgram("README.md", files, Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp12);

        Assert.True(files.Count >= 4, $"the tutorial has {files.Count} C# files");
        Assert.True(diagnostics.IsEmpty, string.Join("\n", diagnostics.Select(d => d.ToString())));
    }

    [Fact]
    public void EveryCodeBlock_SaysItsLanguage_SoNoCSharpSampleEscapesCompilation()
    {
        var untagged = MarkdownCodeBlock.Parse(Readme).Where(b => b.Language.Length == 0).Select(b => b.Line);

        Assert.Empty(untagged);
    }

    [Fact]
    public void TheDiagnosticsTable_ListsEveryDiagnosticTheGeneratorTracks()
    {
        var tracked = Regex.Matches(
                RepositoryRoot.ReadFile("generator/AnalyzerReleases.Shipped.md") + RepositoryRoot.ReadFile("generator/AnalyzerReleases.Unshipped.md"),
                @"^(PG\d{4})\s*\|", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .ToList();
        var documented = Regex.Matches(Readme, @"^\| `?(PG\d{4})`? \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();

        Assert.NotEmpty(tracked);
        Assert.All(tracked, id => Assert.Contains(id, documented));
    }

    [Fact]
    public void TheSetUpCommands_AreExactlyTheMainJob_AndTheTestCommandThatCiRuns()
    {
        var setUp = Readme[Readme.IndexOf("## Set up", StringComparison.Ordinal)..];
        var block = MarkdownCodeBlock.Parse(setUp).First(b => b.Language == "sh");
        var commands = block.Code.Split('\n').Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0).ToArray();
        // The command .ci/run runs: its words up to a redirection or a pipe.
        var ciTestCommand = Regex.Match(RepositoryRoot.ReadFile(".ci/run"), @"^dotnet test(?: (?!\d*>)[^\s|]+)*", RegexOptions.Multiline).Value;

        Assert.Equal(2, commands.Length);
        Assert.Equal("dotnet run --project cli -- decode testdata/rust_info_test.bin", commands[0]);
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, "cli", "ProtocolGen.Cli.csproj")), "the main job runs the cli/ project");
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, "testdata", "rust_info_test.bin")), "the main job decodes testdata/rust_info_test.bin");
        Assert.Equal("dotnet test ProtocolGen.sln", ciTestCommand);
        Assert.Equal(ciTestCommand, commands[1]);
    }

    [Fact]
    public void TheMainJob_RunsAsWritten_AndDecodesTheWholeCapture()
    {
        var setUp = Readme[Readme.IndexOf("## Set up", StringComparison.Ordinal)..];
        var mainJob = MarkdownCodeBlock.Parse(setUp).First(b => b.Language == "sh").Code.Split('\n')[0].Split('#')[0].Trim();
        var words = mainJob.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        // Run as a user would, from the repository root through `dotnet run`, so project evaluation is tested too.
        Assert.Equal("dotnet", words[0]);
        var (exitCode, output) = DotnetCli.Run(RepositoryRoot.Path, words[1..]);

        Assert.True(exitCode == 0, output);
        Assert.Contains("testdata/rust_info_test.bin: 1001 frames in 58213 bytes, 1 bad", output);
        Assert.Contains("error length-beyond-frame", output);
        Assert.Equal(1000, Regex.Matches(output, @"^\s+\d+  (LogLine|ConnectionV4|ConnectionV6|ConnectionEndV4|ConnectionEndV6|BandwidthStatsV4|BandwidthStatsV6) ", RegexOptions.Multiline).Count);
    }

    [Fact]
    public void EveryRelativeLink_PointsToAFileOrFolderInTheRepository()
    {
        var links = Regex.Matches(Readme, @"\]\((?<target>[^)#\s]+)(#[^)]*)?\)")
            .Select(m => m.Groups["target"].Value)
            .Where(t => !t.Contains("://", StringComparison.Ordinal))
            .ToList();
        var root = Path.GetFullPath(RepositoryRoot.Path);

        Assert.NotEmpty(links);
        Assert.All(links, link =>
        {
            var target = Path.GetFullPath(Path.Combine(root, link));
            Assert.True(target.StartsWith(root, StringComparison.Ordinal), $"{link} points outside the repository");
            Assert.True(File.Exists(target) || Directory.Exists(target), $"{link} does not exist");
        });
    }
}
