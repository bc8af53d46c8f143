using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ProtocolGen.Generator.Diagnostics;
using ProtocolGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProtocolGen.Generator.Tests;

/// <summary>Every diagnostic's section in docs/diagnostics.md shows the mistake and its fix, and says why.</summary>
public sealed class DiagnosticDocsTests
{
    [Fact]
    public void EveryDescriptorsSection_HasAWrongAndAFixedExample_AndSaysWhy()
    {
        var problems = new List<string>();
        foreach (var descriptor in DiagnosticCatalogue.Descriptors)
        {
            // A missing section is the catalogue test's to report.
            if (DiagnosticCatalogue.DocsSection(descriptor.Id) is not { } section)
            {
                continue;
            }

            if (!section.Contains("Wrong", System.StringComparison.Ordinal) || !section.Contains("Fixed", System.StringComparison.Ordinal)
                || Regex.Matches(section, "^```csharp$", RegexOptions.Multiline).Count < 2)
            {
                problems.Add($"{descriptor.Id}: its section needs a wrong and a fixed example, each in a ```csharp block");
            }

            if (!section.Contains("*Why:*", System.StringComparison.Ordinal))
            {
                problems.Add($"{descriptor.Id}: its section does not say why (*Why:*)");
            }
        }

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
    public void TheDocsTableAndSections_ListTheCatalogue_InOrder()
    {
        var catalogue = DiagnosticCatalogue.Descriptors.Select(d => d.Id).Order().ToList();

        Assert.Equal(catalogue, DiagnosticCatalogue.DocsTableRows().Select(row => row.Id).ToList());
        Assert.Equal(catalogue, DiagnosticCatalogue.DocsSectionIds().ToList());
    }
}
