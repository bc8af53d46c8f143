using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace ProtocolGen.Readme.Tests;

public sealed class ReadmeTests
{
    private static readonly string Readme = RepositoryFiles.Read("README.md");

    [Fact]
    public void EveryCSharpSample_CompilesWithTheGenerator_WithoutErrorsOrWarnings()
    {
        var samples = MarkdownCodeBlock.Parse(Readme).Where(b => b.Language == "csharp").ToList();

        var diagnostics = SampleCompilation.Compile("README.md", samples);

        Assert.True(samples.Count >= 5, $"README has {samples.Count} C# samples; the tutorial alone has more.");
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
                RepositoryFiles.Read("generator/AnalyzerReleases.Shipped.md") + RepositoryFiles.Read("generator/AnalyzerReleases.Unshipped.md"),
                @"^(PG\d{4})\s*\|", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .ToList();
        var documented = Regex.Matches(Readme, @"^\| `?(PG\d{4})`? \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();

        Assert.NotEmpty(tracked);
        Assert.All(tracked, id => Assert.Contains(id, documented));
    }

    [Fact]
    public void TheSetUpCommands_AreTheMainJobAndTheTestCommandThatCiRuns()
    {
        const string testCommand = "dotnet test ProtocolGen.sln";

        Assert.Contains("dotnet run --project cli -- decode testdata/rust_info_test.bin", Readme);
        Assert.Contains(testCommand, Readme);
        Assert.Contains(testCommand, RepositoryFiles.Read(".ci/run"));
    }
}
