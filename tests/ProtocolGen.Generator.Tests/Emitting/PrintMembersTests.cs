using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using ProtocolGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProtocolGen.Generator.Tests.Emitting;

/// <summary>A record that writes its own PrintMembers keeps it: the generator adds none beside it (CS0111).</summary>
public sealed class PrintMembersTests
{
    [Theory]
    [InlineData("using System.Text;", "StringBuilder builder")]
    [InlineData("", "System.Text.StringBuilder builder")]
    [InlineData("using System.Text;", "StringBuilder? builder")]
    [InlineData("using Sb = System.Text.StringBuilder;", "Sb builder")]
    public void AUserDeclaredPrintMembers_IsTheOnlyOne_AndToStringUsesIt(string usings, string parameter)
    {
        var source = usings + """

            using ProtocolGen;

            namespace Demo;

            [ProtocolUnion(FrameFormat.TypeAndLength32)]
            public abstract partial record Message;

            [Packet(1)]
            public sealed partial record Ping(uint Id) : Message
            {
                protected override bool PrintMembers(PARAMETER)
                {
                    builder.Append("custom");
                    return true;
                }
            }
            """.Replace("PARAMETER", parameter, StringComparison.Ordinal);

        var (_, output, diagnostics) = GeneratorRunner.Run(GeneratorRunner.Compile(source));
        var errors = diagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Empty(errors);

        var ping = output.GetTypeByMetadataName("Demo.Ping")!;
        Assert.Single(ping.GetMembers("PrintMembers"));
        Assert.Equal("Ping { custom }", ToStringOfNewPing(output));
    }

    [Fact]
    public void ARecordWithoutItsOwn_GetsTheGeneratedFieldsOnlyPrintMembers()
    {
        const string source = """
            using ProtocolGen;

            namespace Demo;

            [ProtocolUnion(FrameFormat.TypeAndLength32)]
            public abstract partial record Message;

            [Packet(1)]
            public sealed partial record Ping(uint Id) : Message;
            """;

        var (_, output, _) = GeneratorRunner.Run(GeneratorRunner.Compile(source));

        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal("Ping { Id = 7 }", ToStringOfNewPing(output));
    }

    private static string ToStringOfNewPing(Compilation output)
    {
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var assembly = Assembly.Load(image.ToArray());
        var ping = Activator.CreateInstance(assembly.GetType("Demo.Ping")!, 7u)!;
        return ping.ToString()!;
    }
}
