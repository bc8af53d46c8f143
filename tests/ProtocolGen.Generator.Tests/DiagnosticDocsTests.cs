using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ProtocolGen.Generator.Diagnostics;
using ProtocolGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProtocolGen.Generator.Tests;

/// <summary>Every tracked diagnostic has a descriptor, a section in docs/diagnostics.md, and a help link that opens it.</summary>
public sealed class DiagnosticDocsTests
{
    private static readonly string Docs = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "diagnostics.md"));

    [Fact]
    public void EveryTrackedId_HasADescriptor_ADocumentedSectionWithAWrongAndAFixedExample_AndAHelpLinkToIt()
    {
        var tracked = TrackedIds();
        var problems = new List<string>();
        foreach (var id in tracked)
        {
            var descriptor = DiagnosticDescriptors.Find(id);
            if (descriptor is null)
            {
                problems.Add($"{id}: tracked in AnalyzerReleases but has no descriptor");
            }
            else if (descriptor.HelpLinkUri != DiagnosticDescriptors.HelpLinkBase + id.ToLowerInvariant())
            {
                problems.Add($"{id}: help link is '{descriptor.HelpLinkUri}', not its section '{DiagnosticDescriptors.HelpLinkBase + id.ToLowerInvariant()}'");
            }

            var section = Section(id);
            if (section is null)
            {
                problems.Add($"{id}: docs/diagnostics.md has no '## {id}' section (its anchor is #{id.ToLowerInvariant()})");
                continue;
            }

            if (!section.Contains("Wrong", System.StringComparison.Ordinal) || !section.Contains("Fixed", System.StringComparison.Ordinal)
                || Regex.Matches(section, "^```csharp$", RegexOptions.Multiline).Count < 2)
            {
                problems.Add($"{id}: its section needs a wrong and a fixed example, each in a ```csharp block");
            }

            if (!section.Contains("*Why:*", System.StringComparison.Ordinal))
            {
                problems.Add($"{id}: its section does not say why (*Why:*)");
            }
        }

        // Every gap at once, not only the first.
        Assert.True(tracked.Count >= 19, "the release files track " + tracked.Count + " IDs");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void HelpLinks_PointIntoTheRepositoryThatThePackagesName()
    {
        var props = XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "Directory.Build.props"));
        var repository = props.Descendants("RepositoryUrl").Single().Value;

        Assert.Equal(DiagnosticDescriptors.HelpLinkBase, repository + "/blob/main/docs/diagnostics.md#");
    }

    [Fact]
    public void TheDocsTable_ListsEveryTrackedId_InOrder()
    {
        var listed = Regex.Matches(Docs, @"^\| \[(PG\d{4})\]\(#pg\d{4}\)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(TrackedIds().Order().ToList(), listed);
    }

    private static List<string> TrackedIds() =>
        new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .SelectMany(name => File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, "generator", name)))
            .Select(line => Regex.Match(line, @"^(PG\d{4})\s*\|"))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .ToList();

    private static string? Section(string id)
    {
        var match = Regex.Match(Docs, "^## " + id + "\\s*$(.*?)(?=^## |\\z)", RegexOptions.Multiline | RegexOptions.Singleline);
        return match.Success ? match.Groups[1].Value : null;
    }
}
