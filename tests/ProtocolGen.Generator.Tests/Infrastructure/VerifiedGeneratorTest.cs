using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace ProtocolGen.Generator.Tests.Infrastructure;

/// <summary>
/// The testing library's generator test, set up like a user's project: nullable on, XML docs checked,
/// the ProtocolGen runtime referenced, and every compiler warning counted (so generated code must be clean).
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
}
