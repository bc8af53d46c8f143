using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Text;
using ProtocolGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProtocolGen.Generator.Tests;

/// <summary>
/// The generated code, compared exactly with the files under Snapshots/&lt;scenario&gt;/ and compiled with no
/// warning under nullable and warnings-as-errors. To re-accept after an intended change, run
/// <c>PROTOCOLGEN_ACCEPT_SNAPSHOTS=1 dotnet test tests/ProtocolGen.Generator.Tests</c> and review the diff.
/// </summary>
public sealed class SnapshotTests
{
    private const string AcceptVariable = "PROTOCOLGEN_ACCEPT_SNAPSHOTS";

    public static TheoryData<string> Scenarios() => new() { "Portmaster", "Kinds", "InterfaceUnion", "Constants", "FixedText", "Bits", "Checksums", "Counts", "Lengths", "Switch", "Conditions", "FrameHeaders" };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task GeneratedCode_MatchesTheSnapshot_AndCompilesWithoutWarnings(string scenario)
    {
        var sources = Sources(scenario).ToList();
        var folder = Path.Combine(TestPaths.Snapshots, scenario);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Accept(sources, folder);
        }

        var expected = Directory.GetFiles(folder, "*.g.cs").OrderBy(p => p, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);

        var test = new VerifiedGeneratorTest();
        if (scenario is "Kinds" or "Constants" or "FixedText" or "Bits" or "Checksums" or "Counts" or "Lengths" or "Switch" or "Conditions" or "FrameHeaders")
        {
            // The integration schema is test code without XML docs; the other scenarios check docs in full.
            test.DisabledDiagnostics.Add("CS1591");
        }

        foreach (var (path, text) in sources)
        {
            test.TestState.Sources.Add((path, SourceText.From(text, Encoding.UTF8)));
        }

        foreach (var file in expected)
        {
            test.TestState.GeneratedSources.Add((typeof(ProtocolGenerator), Path.GetFileName(file), SourceText.From(File.ReadAllText(file), Encoding.UTF8)));
        }

        await test.RunAsync();
    }

    /// <summary>The Portmaster schema's source files, as the schema project compiles them.</summary>
    public static IEnumerable<(string Path, string Text)> PortmasterSources() =>
        Directory.GetFiles(TestPaths.Schema, "*.cs", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(Path.GetRelativePath(TestPaths.Schema, p)))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => ("/schema/" + Path.GetRelativePath(TestPaths.Schema, p).Replace('\\', '/'), File.ReadAllText(p)));

    /// <summary>The source files of a snapshot scenario, as its compilation sees them.</summary>
    public static IEnumerable<(string Path, string Text)> Sources(string scenario) => scenario switch
    {
        "Portmaster" => PortmasterSources(),
        "Kinds" => new[] { ("/Kinds.cs", File.ReadAllText(Path.Combine(TestPaths.ProjectDirectory, "Integration", "KindsSchema.cs"))) },
        "InterfaceUnion" => new[] { ("/InterfaceUnion.cs", InterfaceUnionSchema) },
        "Constants" => new[] { ("/Constants.cs", File.ReadAllText(Path.Combine(TestPaths.ProjectDirectory, "Integration", "ConstantsSchema.cs"))) },
        "FixedText" => new[] { ("/FixedText.cs", File.ReadAllText(Path.Combine(TestPaths.ProjectDirectory, "Integration", "FixedTextSchema.cs"))) },
        "Bits" => new[] { ("/Bits.cs", File.ReadAllText(Path.Combine(TestPaths.ProjectDirectory, "Integration", "BitsSchema.cs"))) },
        "Checksums" => new[] { ("/Checksums.cs", File.ReadAllText(Path.Combine(TestPaths.ProjectDirectory, "Integration", "ChecksumsSchema.cs"))) },
        "Counts" => new[] { ("/Counts.cs", File.ReadAllText(Path.Combine(TestPaths.ProjectDirectory, "Integration", "CountsSchema.cs"))) },
        "Lengths" => new[] { ("/Lengths.cs", File.ReadAllText(Path.Combine(TestPaths.ProjectDirectory, "Integration", "LengthsSchema.cs"))) },
        "Switch" => new[] { ("/Switch.cs", File.ReadAllText(Path.Combine(TestPaths.ProjectDirectory, "Integration", "SwitchSchema.cs"))) },
        "Conditions" => new[] { ("/Conditions.cs", File.ReadAllText(Path.Combine(TestPaths.ProjectDirectory, "Integration", "ConditionsSchema.cs"))) },
        "FrameHeaders" => new[] { ("/FrameHeaders.cs", File.ReadAllText(Path.Combine(TestPaths.ProjectDirectory, "Integration", "FrameHeadersSchema.cs"))) },
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null),
    };

    private static bool IsBuildOutput(string relativePath)
    {
        var first = relativePath.Split('/', '\\')[0];
        return first is "obj" or "bin";
    }

    private static void Accept(List<(string Path, string Text)> sources, string folder)
    {
        var (driver, _, _) = GeneratorRunner.Run(GeneratorRunner.Compile(sources));
        Directory.CreateDirectory(folder);
        foreach (var stale in Directory.GetFiles(folder, "*.g.cs"))
        {
            File.Delete(stale);
        }

        foreach (var generated in driver.GetRunResult().Results.Single().GeneratedSources)
        {
            File.WriteAllText(Path.Combine(folder, generated.HintName), generated.SourceText.ToString());
        }
    }

    // Struct-record packets of an interface union, nested in a containing type, with renamed fields and packets.
    private const string InterfaceUnionSchema = """
        using System;
        using System.Collections.Immutable;
        using ProtocolGen;

        namespace Demo.Telemetry;

        /// <summary>Telemetry.</summary>
        [ProtocolUnion(FrameFormat.TypeOnly)]
        public partial interface ITelemetry;

        /// <summary>A sample.</summary>
        /// <param name="Time">When.</param>
        /// <param name="Value">What.</param>
        [WireStruct]
        public readonly partial record struct Sample(uint Time, [WireName("v")] short Value);

        /// <summary>Packets.</summary>
        public static partial class Packets
        {
            /// <summary>A heartbeat.</summary>
            /// <param name="Sequence">Its number.</param>
            [Packet(1, Name = "beat")]
            public readonly partial record struct Heartbeat(ulong Sequence) : ITelemetry;

            /// <summary>Samples.</summary>
            /// <param name="Station">Where from.</param>
            /// <param name="Values">The samples.</param>
            /// <param name="Tail">The rest.</param>
            [Packet(2)]
            public sealed partial record Samples(
                [FixedLength(3)] byte[] Station,
                [CountPrefix(PrefixWidth.U16)] ImmutableArray<Sample> Values,
                [RestOfFrame] string Tail) : ITelemetry;
        }
        """;
}
