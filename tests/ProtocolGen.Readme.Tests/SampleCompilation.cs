using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProtocolGen.Generator;
using ProtocolGen.Tests.Shared;

namespace ProtocolGen.Readme.Tests;

/// <summary>
/// Compiles documentation samples the way a build would: together, with the ProtocolGen generator running,
/// against the runtime and the framework, and beside the Portmaster schema's sources (so a sample may use
/// the Portmaster packets, or add one to them as the README's extension guide does). A sample that is a
/// whole file compiles as it is; a sample of statements is wrapped in a method. <c>#line</c> directives
/// make every diagnostic point at the Markdown file's own line.
/// </summary>
internal static class SampleCompilation
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>The errors and warnings of compiling <paramref name="blocks"/> with the generator.</summary>
    public static ImmutableArray<Diagnostic> Compile(string documentName, IEnumerable<MarkdownCodeBlock> blocks)
    {
        var (compilation, generatorDiagnostics) = Build(documentName, blocks, []);
        return Problems(generatorDiagnostics.AddRange(compilation.GetDiagnostics()));
    }

    /// <summary>
    /// Compiles <paramref name="blocks"/> with <paramref name="extraSources"/> beside them and loads the
    /// assembly, so a test can run the samples' types; throws with the diagnostics if it does not compile.
    /// </summary>
    public static Assembly Load(string documentName, IEnumerable<MarkdownCodeBlock> blocks, params string[] extraSources)
    {
        var (compilation, _) = Build(documentName, blocks, extraSources);
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException(string.Join("\n", Problems(emitted.Diagnostics)));
        }

        return new AssemblyLoadContext(documentName, isCollectible: true).LoadFromStream(new MemoryStream(image.ToArray()));
    }

    /// <summary>
    /// The errors and warnings of compiling <paramref name="blocks"/> as the files of one console program, as
    /// written (top-level statements stay top-level), in <paramref name="languageVersion"/>, with the generator.
    /// </summary>
    public static ImmutableArray<Diagnostic> CompileProgram(string documentName, IEnumerable<MarkdownCodeBlock> blocks, LanguageVersion languageVersion)
    {
        var options = new CSharpParseOptions(languageVersion);
        var trees = blocks.Select(b => CSharpSyntaxTree.ParseText($"#line {b.Line} \"{documentName}\"\n{b.Code}\n", options, path: $"{documentName}.{b.Line}.cs"));
        var compilation = CSharpCompilation.Create(
            "TutorialProgram",
            trees,
            References(),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create(new ProtocolGenerator())
            .WithUpdatedParseOptions(options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        return Problems(generatorDiagnostics.AddRange(generated.GetDiagnostics()));
    }

    private static (Compilation Compilation, ImmutableArray<Diagnostic> GeneratorDiagnostics) Build(
        string documentName, IEnumerable<MarkdownCodeBlock> blocks, IEnumerable<string> extraSources)
    {
        var trees = blocks.Select(b => CSharpSyntaxTree.ParseText(ToFile(documentName, b), ParseOptions, path: $"{documentName}.{b.Line}.cs"))
            .Concat(SchemaSources())
            .Concat(extraSources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"extra{i}.cs")))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "ReadmeSamples",
            trees,
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        CSharpGeneratorDriver.Create(new ProtocolGenerator())
            .WithUpdatedParseOptions(ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        return (generated, generatorDiagnostics);
    }

    private static ImmutableArray<Diagnostic> Problems(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

    private static string ToFile(string documentName, MarkdownCodeBlock block)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(block.Code, ParseOptions).GetRoot();
        var statements = root.Members.OfType<GlobalStatementSyntax>().ToList();
        if (statements.Count == 0)
        {
            return $"#line {block.Line} \"{documentName}\"\n{block.Code}\n";
        }

        // Statements become the body of a method; the usings stay on top and any types after the statements.
        var file = new StringBuilder();
        file.Append(root.Usings.ToFullString());
        var isAsync = statements.Any(s => s.DescendantNodes().OfType<AwaitExpressionSyntax>().Any());
        file.Append($"file static class Sample{block.Line}\n{{\n    public static {(isAsync ? "async global::System.Threading.Tasks.Task" : "void")} Run()\n    {{\n");
        var first = StartLine(root, statements[0]);
        file.Append($"#line {block.Line + first} \"{documentName}\"\n");
        file.Append(block.Code[statements[0].FullSpan.Start..statements[^1].FullSpan.End]);
        file.Append("\n#line default\n    }\n}\n");
        foreach (var member in root.Members.Where(m => m is not GlobalStatementSyntax))
        {
            var line = StartLine(root, member);
            file.Append($"#line {block.Line + line} \"{documentName}\"\n").Append(member.ToFullString()).Append('\n');
        }

        return file.ToString();
    }

    private static int StartLine(SyntaxNode root, SyntaxNode node) =>
        root.SyntaxTree.GetLineSpan(node.FullSpan).StartLinePosition.Line;

    private static IEnumerable<SyntaxTree> SchemaSources()
    {
        var schema = Path.Combine(RepositoryRoot.Path, "schema");
        var separator = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(schema, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{separator}obj{separator}") && !p.Contains($"{separator}bin{separator}"))
            .Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), ParseOptions, path: p));
    }

    private static IEnumerable<MetadataReference> References()
    {
        // The test host's own assemblies: the framework and the runtime (the generator runs, it is not referenced).
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(p => !Path.GetFileName(p).StartsWith("ProtocolGen.Generator", StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p));
    }
}
