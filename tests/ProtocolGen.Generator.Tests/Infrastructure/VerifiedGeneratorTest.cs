using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using ProtocolGen.Generator.Analyzers;

namespace ProtocolGen.Generator.Tests.Infrastructure;

/// <summary>
/// The testing library's generator test, set up like a user's project: nullable on, XML docs checked,
/// the ProtocolGen runtime referenced, every compiler warning counted (so generated code must be clean), and the
/// generator assembly's analyzers running too, as they do in a user's build.
/// </summary>
internal sealed class VerifiedGeneratorTest : CSharpSourceGeneratorTest<ProtocolGenerator, DefaultVerifier>
{
    public VerifiedGeneratorTest()
    {
        // No reference pack to download: the references come from this process (see TestReferences).
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(TestReferences.All);
        CompilerDiagnostics = CompilerDiagnostics.Warnings;
    }

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions())
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithGeneralDiagnosticOption(ReportDiagnostic.Error);

    protected override ParseOptions CreateParseOptions() => GeneratorRunner.ParseOptions;

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => new DiagnosticAnalyzer[] { new ExhaustiveHandlerAnalyzer() };
}
