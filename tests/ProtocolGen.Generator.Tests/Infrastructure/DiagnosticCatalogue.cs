using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using ProtocolGen.Generator.Diagnostics;

namespace ProtocolGen.Generator.Tests.Infrastructure;

/// <summary>
/// The diagnostic catalogue and the three places that must agree with it: the AnalyzerReleases files, the table
/// of docs/diagnostics.md and that file's sections. The catalogue is read by reflection, so a descriptor added
/// without its entries elsewhere cannot hide.
/// </summary>
internal static class DiagnosticCatalogue
{
    public static IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
        .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
        .ToList();

    public static string Docs { get; } = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "diagnostics.md"));

    /// <summary>The rule rows of AnalyzerReleases.Shipped.md and .Unshipped.md, in file order.</summary>
    public static IReadOnlyList<Row> ReleaseRows() =>
        new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .SelectMany(name => File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, "generator", name)))
            .Select(line => Regex.Match(line, @"^(PG\d{4})\s*\|\s*([^|]*?)\s*\|\s*([^|]*?)\s*\|\s*(.*?)\s*$"))
            .Where(m => m.Success)
            .Select(m => new Row(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value))
            .ToList();

    /// <summary>The rows of the table at the top of docs/diagnostics.md (no category there), in order.</summary>
    public static IReadOnlyList<Row> DocsTableRows() =>
        Regex.Matches(Docs, @"^\| \[(PG\d{4})\]\(#pg\d{4}\) \| ([^|]*?) \| ([^|]*?) \|\s*$", RegexOptions.Multiline)
            .Select(m => new Row(m.Groups[1].Value, Category: null, m.Groups[2].Value, m.Groups[3].Value))
            .ToList();

    /// <summary>The ids of the <c>## PGnnnn</c> sections of docs/diagnostics.md.</summary>
    public static IReadOnlyList<string> DocsSectionIds() =>
        Regex.Matches(Docs, @"^## (PG\d{4})\s*$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The text of the <c>## id</c> section of docs/diagnostics.md, or null without one.</summary>
    public static string? DocsSection(string id)
    {
        var match = Regex.Match(Docs, "^## " + id + "\\s*$(.*?)(?=^## |\\z)", RegexOptions.Multiline | RegexOptions.Singleline);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>A diagnostic as a release file or the docs table lists it.</summary>
    public sealed record Row(string Id, string? Category, string Severity, string Title);
}
