using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ProtocolGen.Generator;
using ProtocolGen.Generator.Diagnostics;

namespace ProtocolGen.CodeFixes.Tests;

/// <summary>
/// The generator's diagnostics as an analyzer's, so the testing library's code fix verifier sees them: the
/// verifier runs analyzers only, while PG diagnostics come from <see cref="ProtocolGenerator"/>. It runs the real
/// generator over the compilation with a plain driver and reports what it reports, each moved from its
/// file-path location (the generator keeps no syntax trees) onto the compilation's tree of that path.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GeneratorDiagnostics : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
        .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
        .ToImmutableArray();

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();

        // Per tree, so each diagnostic is local to its document, as a code fix needs (a compilation-wide one is not).
        context.RegisterSemanticModelAction(Report);
    }

    private static void Report(SemanticModelAnalysisContext context)
    {
        var tree = context.SemanticModel.SyntaxTree;
        var compilation = context.SemanticModel.Compilation;
        CSharpGeneratorDriver.Create(new[] { new ProtocolGenerator().AsSourceGenerator() }, parseOptions: (CSharpParseOptions)tree.Options)
            .RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics, context.CancellationToken);
        foreach (var diagnostic in diagnostics.Where(d => d.Location.GetLineSpan().Path == tree.FilePath))
        {
            context.ReportDiagnostic(Diagnostic.Create(diagnostic.Descriptor, Location.Create(tree, diagnostic.Location.SourceSpan), diagnostic.Properties, MessageArguments(diagnostic)));
        }
    }

    // Diagnostic exposes its message arguments only internally; the copy keeps the generator's exact message.
    private static object?[] MessageArguments(Diagnostic diagnostic) =>
        (typeof(Diagnostic).GetProperty("Arguments", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(diagnostic) as System.Collections.Generic.IEnumerable<object?>)?.ToArray()
        ?? Array.Empty<object?>();
}
