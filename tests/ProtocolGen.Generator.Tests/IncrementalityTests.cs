using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProtocolGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProtocolGen.Generator.Tests;

/// <summary>
/// The pipeline caches, in every snapshot scenario: each stage is named and runs, an unrelated edit regenerates
/// nothing, a one-record edit regenerates that record only, and what the stages hold is plain values.
/// </summary>
public sealed class IncrementalityTests
{
    private static readonly string[] StageNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .ToArray();

    // The steps Roslyn tracks itself: its inputs and outputs, and the compilation options ForAttributeWithMetadataName reads.
    private static readonly string[] RoslynSteps = new[] { typeof(WellKnownGeneratorInputs), typeof(WellKnownGeneratorOutputs) }
        .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Select(f => (string)f.GetValue(null)!)
        .Append("CompilationOptions")
        .ToArray();

    public static TheoryData<string> Scenarios() => SnapshotTests.Scenarios();

    /// <summary>Per scenario, one record to edit: the file it is in, a text in it and its replacement, and the record.</summary>
    public static TheoryData<string, string, string, string, string> RecordEdits() => new()
    {
        { "Portmaster", "ConnectionV4.cs", "byte PayloadLayer", "ushort PayloadLayer", "ConnectionV4" },
        // The single-file scenarios swap types of one length, so no other declaration moves and changes its location.
        { "Kinds", "Kinds.cs", "RestArray(byte Tag", "RestArray(uint Tag", "RestArray" },
        { "InterfaceUnion", "InterfaceUnion.cs", "Heartbeat(ulong Sequence)", "Heartbeat(short Sequence)", "Heartbeat" },
        { "Constants", "Constants.cs", "Capture(FileHeader Header, byte After)", "Capture(FileHeader Header, long After)", "Capture" },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void TheTrackedSteps_AreExactlyTheStagesOfTrackingNames(string scenario)
    {
        var result = RunTwice(scenario, compilation => compilation).Second;

        var tracked = result.TrackedSteps.Keys
            .Where(name => !RoslynSteps.Contains(name) && !name.Contains("_ForAttribute", StringComparison.Ordinal))
            .ToList();
        var missing = StageNames.Except(tracked).ToList();
        var untracked = tracked.Except(StageNames).ToList();

        Assert.True(untracked.Count == 0, "steps named outside TrackingNames: " + string.Join(", ", untracked));

        // A step runs only once it has an input: a scenario without enum fields has none for EnumModels.
        var hasEnums = result.GeneratedSources.Any(s => s.HintName.EndsWith(".WireNames.g.cs", StringComparison.Ordinal));
        // Only the Constants and FrameHeaders scenarios have [Magic] declarations; Constants, Bits (a closed enum in a bit field), Counts,
        // Conditions and FrameHeaders (a header's fixed version) have [ClosedEnum] ones: the inputs of their stages.
        var hasConstants = scenario is "Constants" or "FrameHeaders";
        var hasClosedEnums = scenario is "Constants" or "Bits" or "Counts" or "Conditions" or "FrameHeaders";
        // Only the Switch scenario has wire unions and their cases, the inputs of their stages.
        var hasWireUnions = scenario == "Switch";
        var wireUnionStages = new[]
        {
            TrackingNames.WireCaseResults, TrackingNames.WireCaseDefaultResults, TrackingNames.WireCaseModels, TrackingNames.WireCaseDefaultModels,
            TrackingNames.WireCaseClaims, TrackingNames.WireUnionDeclarations, TrackingNames.WireUnionResults, TrackingNames.WireUnionModels,
        };
        // Only the FrameHeaders scenario has [FrameHeader] records; what unions need of them is collected regardless.
        var hasFrameHeaders = scenario == "FrameHeaders";
        var frameHeaderStages = new[] { TrackingNames.FrameHeaderResults, TrackingNames.FrameHeaderModels };
        // It is also the one without a [WireStruct] (its headers are wire structures of their own kind).
        var wireStructStages = new[] { TrackingNames.WireStructResults, TrackingNames.WireStructModels };
        var absent = new[] { hasEnums ? null : TrackingNames.EnumModels, hasClosedEnums ? null : TrackingNames.ClosedEnumDiagnostics, hasConstants ? null : TrackingNames.MisplacedMagic }
            .Concat(hasWireUnions ? new string?[0] : wireUnionStages)
            .Concat(hasFrameHeaders ? new string?[0] : frameHeaderStages)
            .Concat(hasFrameHeaders ? wireStructStages : new string?[0])
            .OfType<string>()
            .ToHashSet();
        Assert.Equal(StageNames.Where(absent.Contains), missing);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void AnUnrelatedEdit_LeavesEveryStageCachedOrUnchanged(string scenario)
    {
        var (_, second) = RunTwice(scenario, compilation => compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("namespace Elsewhere { internal static class Unrelated { public const int Answer = 42; } }", GeneratorRunner.ParseOptions, "/Unrelated.cs")));

        var outputs = StageNames.SelectMany(name => Steps(second, name).SelectMany(step => step.Outputs).Select(output => (Stage: name, output.Value, output.Reason))).ToList();
        var rerun = outputs.Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).Select(o => $"{o.Stage} was {o.Reason}: {o.Value}").ToList();
        var emitted = second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(step => step.Outputs)
            .Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);

        Assert.Contains(outputs, o => o.Stage == TrackingNames.PacketModels);
        Assert.Contains(outputs, o => o.Stage == TrackingNames.UnionModels);
        Assert.True(rerun.Count == 0, string.Join("\n", rerun));
        Assert.Equal(0, emitted);
    }

    [Theory]
    [MemberData(nameof(RecordEdits))]
    public void EditingOneRecord_ReemitsOnlyThatRecord(string scenario, string file, string text, string replacement, string record)
    {
        var (first, second) = RunTwice(scenario, compilation =>
        {
            var tree = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("/" + file, StringComparison.Ordinal));
            var original = tree.GetText().ToString();
            Assert.Contains(text, original, StringComparison.Ordinal);
            var edited = original.Replace(text, replacement, StringComparison.Ordinal);
            return compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(edited, GeneratorRunner.ParseOptions, tree.FilePath));
        });

        var changed = second.TrackedSteps.Where(s => StageNames.Contains(s.Key))
            .SelectMany(s => s.Value.SelectMany(step => step.Outputs).Select(o => (Stage: s.Key, o.Value, o.Reason)))
            .Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .ToList();
        var emitted = second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(step => step.Outputs)
            .Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
        string Source(GeneratorRunResult run) => run.GeneratedSources.Single(s => s.HintName.EndsWith("." + record + ".g.cs", StringComparison.Ordinal)).SourceText.ToString();

        var model = Assert.Single(changed, c => c.Stage == TrackingNames.PacketModels).Value;
        Assert.Contains(record, model!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(changed, c => c.Stage is TrackingNames.UnionModels or TrackingNames.WireStructModels or TrackingNames.Memberships);
        Assert.Equal(1, emitted);
        Assert.NotEqual(Source(first), Source(second));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void TrackedValues_HoldNoSymbolsSyntaxOrCompilations(string scenario)
    {
        var result = RunTwice(scenario, compilation => compilation).Second;
        var banned = new[] { typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel), typeof(Location) };
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var checkedValues = 0;

        foreach (var name in StageNames)
        {
            foreach (var (value, _) in Steps(result, name).SelectMany(step => step.Outputs))
            {
                Walk(value, name, banned, visited);
                checkedValues++;
            }
        }

        Assert.True(checkedValues > 5, $"only {checkedValues} values were walked");
    }

    private static void Walk(object? value, string path, Type[] banned, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || value is Microsoft.CodeAnalysis.Text.TextSpan or Microsoft.CodeAnalysis.Text.LinePositionSpan)
        {
            return;
        }

        var type = value.GetType();
        Assert.False(banned.Any(b => b.IsAssignableFrom(type)), $"{path} holds a {type}");
        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                Walk(item, $"{path}[{i++}]", banned, visited);
            }

            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), $"{path}.{field.Name}", banned, visited);
        }
    }

    private static IEnumerable<IncrementalGeneratorRunStep> Steps(GeneratorRunResult result, string stage) =>
        result.TrackedSteps.TryGetValue(stage, out var steps) ? steps : [];

    private static (GeneratorRunResult First, GeneratorRunResult Second) RunTwice(string scenario, Func<Compilation, Compilation> edit)
    {
        var compilation = GeneratorRunner.Compile(SnapshotTests.Sources(scenario));
        var (driver, _, _) = GeneratorRunner.Run(compilation);
        var first = driver.GetRunResult().Results.Single();
        (driver, _, _) = GeneratorRunner.Run(edit(compilation), driver);
        return (first, driver.GetRunResult().Results.Single());
    }
}
