using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProtocolGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProtocolGen.Generator.Tests;

/// <summary>The layout a record gives a nested structure is the structure's own, and it calls only members it knows exist.</summary>
public sealed class NestedLayoutTests
{
    private const string Union = """
        using ProtocolGen;

        namespace N;

        [ProtocolUnion(FrameFormat.TypeAndLength32)]
        public partial interface IU;
        """;

    [Fact]
    public void ANestedStructuresPropertyAttributes_CountInTheOuterLayout()
    {
        const string schema = """
            using ProtocolGen;

            namespace N;

            [WireStruct]
            public sealed partial record PropMac([property: FixedLength(6)] byte[] Bytes);

            [Packet(1)]
            public sealed partial record P(byte A, PropMac M, byte Z) : IU;
            """;

        var (_, output, diagnostics) = GeneratorRunner.Run(GeneratorRunner.Compile(Union, schema));

        AssertBuilds(output, diagnostics);
        var outer = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("N.P.g.cs", StringComparison.Ordinal)).ToString();

        // The structure is plain (one run of 6 bytes), so the outer reads it in its own run of 8.
        Assert.Contains("global::N.PropMac.ReadFixed(", outer);
        Assert.Contains("public static int MinWireSize => 8;", outer);
    }

    [Fact]
    public void AStructureFromAnotherAssembly_IsReachedThroughIWireStruct_SoAHandWrittenOneBuilds()
    {
        // Written by hand (no generator ran on this assembly): it has no ReadFixed or WriteFixed.
        const string library = """
            using System.Diagnostics.CodeAnalysis;
            using System.Text.Json;
            using ProtocolGen;
            using ProtocolGen.Wire;

            namespace Lib;

            [WireStruct]
            public sealed record Point(ushort X, ushort Y) : IWireStruct<Point>
            {
                public static int MinWireSize => 4;

                public static bool IsFixedSize => true;

                public int WireSize => 4;

                public static bool TryReadFrom(ref WireReader reader, [MaybeNullWhen(false)] out Point value)
                {
                    var x = reader.ReadUInt16();
                    var y = reader.ReadUInt16();
                    value = reader.HasFailed ? null : new Point(x, y);
                    return value is not null;
                }

                public void WriteTo(ref WireWriter writer)
                {
                    writer.WriteUInt16(X);
                    writer.WriteUInt16(Y);
                }

                public static Point ReadJson(JsonElement element) => new(element.GetProperty("x").GetUInt16(), element.GetProperty("y").GetUInt16());

                public void WriteJson(Utf8JsonWriter writer)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("x", X);
                    writer.WriteNumber("y", Y);
                    writer.WriteEndObject();
                }
            }
            """;
        const string schema = """
            using ProtocolGen;

            namespace N;

            [Packet(1)]
            public sealed partial record At(byte A, Lib.Point Where, [CountPrefix(PrefixWidth.U8)] Lib.Point[] Path) : IU;
            """;

        var libraryCompilation = GeneratorRunner.Compile([("/Lib.cs", library)], "HandWrittenLib");
        using var image = new MemoryStream();
        var built = libraryCompilation.Emit(image);
        Assert.True(built.Success, string.Join("\n", built.Diagnostics));

        var compilation = GeneratorRunner.Compile(Union, schema).AddReferences(MetadataReference.CreateFromImage(image.ToArray()));
        var (_, output, diagnostics) = GeneratorRunner.Run(compilation);

        AssertBuilds(output, diagnostics);
        var outer = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("N.At.g.cs", StringComparison.Ordinal)).ToString();
        Assert.DoesNotContain("ReadFixed", outer);
        Assert.DoesNotContain("WriteFixed", outer);

        // Its size is the runtime's to tell (4), not a guess from a constructor the generator cannot see (0).
        Assert.Contains("MinWireSize => 2 + global::ProtocolGen.Wire.WireLength.MinOf<global::Lib.Point>()", outer);
    }

    private static void AssertBuilds(Compilation output, System.Collections.Immutable.ImmutableArray<Diagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Concat(diagnostics).Where(d => d.Severity >= DiagnosticSeverity.Warning)));
    }
}
