using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using ProtocolGen.Wire;

namespace ProtocolGen.CodeFixes.Tests;

/// <summary>
/// The testing library's code fix test, over the generator's diagnostics (<see cref="GeneratorDiagnostics"/>):
/// the source must report the marked diagnostics, the fix must turn it into the fixed source, and the fixed
/// source must report none. Fix All in document, project and solution are checked too (the batch fixer).
/// </summary>
internal sealed class Verify<TFix> : CSharpCodeFixTest<GeneratorDiagnostics, TFix, DefaultVerifier>
    where TFix : CodeFixProvider, new()
{
    /// <summary>What every example starts with: the runtime's namespace and a valid union with a packet.</summary>
    public const string Prelude = """
        using ProtocolGen;

        [ProtocolUnion(FrameFormat.TypeAndLength32)]
        public abstract partial record Message;

        [Packet(0)]
        public sealed partial record Noop : Message;

        """;

    public Verify()
    {
        // No reference pack to download: the references come from this process.
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        var frameworkDirectory = System.IO.Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(System.IO.Path.PathSeparator);
        TestState.AdditionalReferences.AddRange(platform
            .Where(path => string.Equals(System.IO.Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Append(typeof(WireReader).Assembly.Location)
            .Select(path => MetadataReference.CreateFromFile(path)));
    }

    protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(LanguageVersion.CSharp12);

    public static Task FixAsync(string source, string fixedSource, Action<Verify<TFix>>? configure = null)
    {
        var test = new Verify<TFix> { TestCode = source, FixedCode = fixedSource };
        configure?.Invoke(test);
        return test.RunAsync();
    }
}
