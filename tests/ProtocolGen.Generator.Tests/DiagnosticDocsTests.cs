using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
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

    /// <summary>
    /// What the docs say the examples assume (a <c>Message</c> union), plus the usings the examples use. An
    /// example that declares its own <c>Message</c> gets the usings only.
    /// </summary>
    private const string Usings = "global using System;\nglobal using System.Collections.Immutable;\nglobal using ProtocolGen;\n" +
        "global using ProtocolGen.Json;\nglobal using ProtocolGen.Wire;\nglobal using System.Diagnostics.CodeAnalysis;\nglobal using System.Text.Json;\n";

    private const string MessageUnion = """
        [ProtocolUnion(FrameFormat.TypeAndLength32)]
        public abstract partial record Message;
        """;

    public static TheoryData<string> DocumentedIds() => new(DiagnosticCatalogue.DocsSectionIds());

    [Theory]
    [MemberData(nameof(DocumentedIds))]
    public void ASectionsWrongExample_ReportsThatDiagnostic_AndNoOtherError(string id)
    {
        var wrong = Example(id, "Wrong");

        var reported = Diagnose(wrong);

        Assert.Contains(reported, d => d.Id == id);
        Assert.All(reported.Where(d => d.Severity == DiagnosticSeverity.Error), d => Assert.Equal(id, d.Id));
    }

    [Theory]
    [MemberData(nameof(DocumentedIds))]
    public void ASectionsFixedExample_CompilesWithoutErrorsOrDiagnostics(string id)
    {
        var reported = Diagnose(Example(id, "Fixed"));

        Assert.DoesNotContain(reported, d => d.Severity == DiagnosticSeverity.Error || d.Id.StartsWith("PG", System.StringComparison.Ordinal));
    }

    [Fact]
    public void TheSectionsOfDiagnosticsWithACodeFix_SayWhatItDoes()
    {
        // The fixable IDs are the code fix assembly's; here, the sections that name one must name it as such.
        foreach (var id in new[] { DiagnosticDescriptors.MustBePartial.Id, DiagnosticDescriptors.RestOfFrameNotLast.Id, DiagnosticDescriptors.InvalidUnionRoot.Id })
        {
            Assert.Contains("*Code fix:*", DiagnosticCatalogue.DocsSection(id), System.StringComparison.Ordinal);
        }
    }

    /// <summary>The first ```csharp block after the line starting with <paramref name="label"/> in the id's section.</summary>
    private static string Example(string id, string label)
    {
        var section = DiagnosticCatalogue.DocsSection(id)!;
        var match = Regex.Match(section, "^" + label + @"[^\n]*:\s*\n\s*```csharp\n(.*?)\n```", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(match.Success, $"{id}: no ```csharp block after '{label}'");
        return match.Groups[1].Value;
    }

    /// <summary>Every diagnostic of the example compiled with the generator and its analyzer, as a user's build would report it.</summary>
    private static List<Diagnostic> Diagnose(string example)
    {
        var declaresMessage = Regex.IsMatch(example, @"\b(record|interface)\s+Message\b");
        var prelude = Usings + (declaresMessage ? string.Empty : MessageUnion);
        var (_, output, diagnostics) = GeneratorRunner.Run(GeneratorRunner.Compile(new[] { ("Prelude.cs", prelude), ("Example.cs", example) }));

        // The assumed union is empty when an example about something else declares none of its packets (PG0011).
        return diagnostics.Concat(output.GetDiagnostics())
            .Where(d => !(d.Id == DiagnosticDescriptors.EmptyUnion.Id && d.Location.GetLineSpan().Path == "Prelude.cs"))
            .ToList();
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
