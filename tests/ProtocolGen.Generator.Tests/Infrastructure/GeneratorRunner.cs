using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ProtocolGen.Generator.Tests.Infrastructure;

/// <summary>Runs <see cref="ProtocolGenerator"/> over sources with a plain driver, as the compiler would.</summary>
internal static class GeneratorRunner
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    public static CSharpCompilation Compile(IEnumerable<(string Path, string Text)> sources, string assemblyName = "Schema") =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)),
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static CSharpCompilation Compile(params string[] sources) =>
        Compile(sources.Select((text, i) => ($"Source{i}.cs", text)));

    public static GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        new[] { new ProtocolGenerator().AsSourceGenerator() },
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs the generator once, then the generator assembly's analyzers over its output; returns the driver (for a
    /// second run), the output compilation and every diagnostic of both.
    /// </summary>
    public static (GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(Compilation compilation, GeneratorDriver? driver = null)
    {
        driver = (driver ?? CreateDriver()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var analyzers = new Microsoft.CodeAnalysis.Diagnostics.CompilationWithAnalyzers(
            output, ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new Analyzers.ExhaustiveHandlerAnalyzer()), options: null);
        var analyzerDiagnostics = analyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return (driver, output, diagnostics.AddRange(analyzerDiagnostics));
    }
}
