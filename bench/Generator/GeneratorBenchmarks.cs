using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProtocolGen.Generator;

namespace ProtocolGen.Benchmarks.Generator;

/// <summary>
/// What the generator costs on a 200-record schema: a cold run (a fresh compilation and driver, as a
/// command-line build does) against the runs an IDE makes after an edit, which reuse the driver's cached state.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private List<SyntaxTree> _trees = null!;
    private MetadataReference[] _references = null!;
    private GeneratorDriver _warmDriver = null!;
    private CSharpCompilation _compilation = null!;
    private SyntaxTree _editedRecord = null!;
    private SyntaxTree _editedRecordAfter = null!;
    private SyntaxTree _unrelated = null!;

    [Params(200)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _trees = SchemaSource.Files(Records).Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Path)).ToList();
        _references = ((string)System.AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(System.IO.Path.PathSeparator)
            .Where(p => System.IO.Path.GetFileName(p).StartsWith("System.", System.StringComparison.Ordinal) || System.IO.Path.GetFileName(p) is "netstandard.dll" or "ProtocolGen.Runtime.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();
        _compilation = Compile(_trees);
        _warmDriver = CreateDriver().RunGenerators(_compilation);

        var middle = Records / 2;
        _editedRecord = _trees[middle];
        _editedRecordAfter = CSharpSyntaxTree.ParseText(SchemaSource.Packet(middle, edited: true), ParseOptions, _editedRecord.FilePath);
        _unrelated = CSharpSyntaxTree.ParseText("namespace Elsewhere { internal static class Unrelated { public const int Answer = 42; } }", ParseOptions, "/Unrelated.cs");
    }

    /// <summary>A fresh compilation and driver: everything is parsed once, but bound and generated from scratch.</summary>
    [Benchmark(Baseline = true)]
    public GeneratorDriver Cold() => CreateDriver().RunGenerators(Compile(_trees));

    /// <summary>One record's field changes; the warm driver regenerates that record only.</summary>
    [Benchmark]
    public GeneratorDriver AfterOneRecordEdit() => _warmDriver.RunGenerators(_compilation.ReplaceSyntaxTree(_editedRecord, _editedRecordAfter));

    /// <summary>A file that declares no protocol type is added; the warm driver regenerates nothing.</summary>
    [Benchmark]
    public GeneratorDriver AfterUnrelatedEdit() => _warmDriver.RunGenerators(_compilation.AddSyntaxTrees(_unrelated));

    private CSharpCompilation Compile(IEnumerable<SyntaxTree> trees) => CSharpCompilation.Create(
        "Schema",
        trees,
        _references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        new[] { new ProtocolGenerator().AsSourceGenerator() },
        parseOptions: ParseOptions);
}
