using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using ProtocolGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProtocolGen.Generator.Tests;

/// <summary>Malformed and half-typed schemas get diagnostics (the compiler's or ours), never a generator failure.</summary>
public sealed class CrashTests
{
    private const string Preamble = "using System;\nusing System.Collections.Immutable;\nusing ProtocolGen;\n\n[ProtocolUnion(FrameFormat.TypeAndLength32)]\npublic abstract partial record U;\n\n";

    public static TheoryData<string> MalformedSchemas() => new()
    {
        "[Packet(] public partial record X(int",
        "[Packet(1)] public sealed partial record P(",
        "[Packet(1)] public sealed partial record P(int A) : U",
        "[Packet(1)] public sealed partial record P(Missing A, [LengthPrefix] string B) : U;",
        "[Packet(\"one\")] public sealed partial record P(int A) : U;",
        "[Packet] public sealed partial record P(int A) : U;",
        "[Packet(1)] public sealed partial record P([FixedLength] byte[] A, [LengthPrefix] string B, [CountPrefix] uint[] C) : U;",
        "[Packet(1)] public sealed partial record P([FixedLength(\"x\")] byte[] A) : U;",
        "[Packet(1)][WireStruct] public sealed partial record P(int A) : U;",
        "[Packet(1)] public sealed partial record P(int A) : U;\n[Packet(1)] public sealed partial record P : U;",
        "[Packet(1)] public sealed partial record P(int A, int A) : U;",
        "[WireStruct] public sealed partial record Node(Node Next);\n[Packet(1)] public sealed partial record P(Node Head) : U;",
        "[WireStruct] public partial record struct Loop(Loop Inner);\n[Packet(1)] public sealed partial record P([CountPrefix(PrefixWidth.U8)] Loop[] All) : U;",
        "[Packet(1)] public sealed partial record P([CountPrefix(PrefixWidth.U8)] int[][] Jagged, [CountPrefix(PrefixWidth.U8)] int[,] Square) : U;",
        "[Packet(1)] public sealed partial record P(ImmutableArray A, [RestOfFrame] ImmutableArray<byte> B) : U;",
        "[Packet(1)] public sealed partial record P(dynamic A, object B, int? C, IntPtr D) : U;",
        "[Packet(1)] public partial interface IP : U;\n[Packet(2)] public partial struct S;\n[WireStruct] public partial class C;",
        "public abstract partial record U { [Packet(1)] public sealed partial record Inside(int A) : U; }",
        "[ProtocolUnion(FrameFormat.TypeOnly)] public partial interface I<T>;\n[Packet(1)] public sealed partial record P(int A) : I<int>;",
        "[Packet(1)] public sealed partial record P(int A) : U { public P() : this(0) { } public int B; }",
        "[WireStruct] public partial record struct S;\n[Packet(1)] public sealed partial record P(S Empty, [RestOfFrame] string T, [RestOfFrame] string U) : U;",
        "namespace A.B { [Packet(1)] public sealed partial record P(int A) : global::U; }\nnamespace A.B { [Packet(2)] file sealed partial record Q(int A) : global::U; }",
    };

    [Theory]
    [MemberData(nameof(MalformedSchemas))]
    public void AMalformedSchema_GetsDiagnostics_NeverAGeneratorFailure(string schema)
    {
        var compilation = GeneratorRunner.Compile(Preamble + schema);

        AssertRunsCleanly(compilation);
    }

    [Fact]
    public void ThePortmasterSchema_CutShortAnywhere_NeverFailsTheGenerator()
    {
        var files = SnapshotTests.PortmasterSources().ToList();
        var victim = files.Single(f => f.Path.EndsWith("ConnectionV4.cs", System.StringComparison.Ordinal));
        var others = files.Where(f => f != victim).ToList();

        for (var length = 0; length < victim.Text.Length; length += 11)
        {
            var cut = others.Append((victim.Path, victim.Text.Substring(0, length)));

            AssertRunsCleanly(GeneratorRunner.Compile(cut));
        }
    }

    private static void AssertRunsCleanly(Compilation compilation)
    {
        var (driver, _, diagnostics) = GeneratorRunner.Run(compilation);
        var result = driver.GetRunResult().Results.Single();

        Assert.True(result.Exception is null, result.Exception?.ToString());
        Assert.DoesNotContain(diagnostics, d => d.Id is "CS8784" or "CS8785" or "AD0001");
    }
}
