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

/// <summary>The pipeline caches: an unrelated edit regenerates nothing, a one-record edit regenerates that record only.</summary>
public sealed class IncrementalityTests
{
    private static readonly string[] StageNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public void EveryStage_IsNamedAndRuns()
    {
        var result = RunTwice(compilation => compilation).Second;

        Assert.Contains(TrackingNames.PacketModels, StageNames);
        foreach (var name in StageNames)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"stage {name} did not run");
        }
    }

    [Fact]
    public void AnUnrelatedEdit_LeavesEveryStageCachedOrUnchanged()
    {
        var (_, second) = RunTwice(compilation => compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("namespace Elsewhere { internal static class Unrelated { public const int Answer = 42; } }", GeneratorRunner.ParseOptions, "/Unrelated.cs")));

        foreach (var name in StageNames)
        {
            foreach (var (output, reason) in second.TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name} was {reason}: {output}");
            }
        }
    }

    [Fact]
    public void EditingOneRecord_ReemitsOnlyThatRecord()
    {
        var (first, second) = RunTwice(compilation =>
        {
            var tree = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("ConnectionV4.cs", StringComparison.Ordinal));
            var edited = tree.GetText().ToString().Replace("byte PayloadLayer", "ushort PayloadLayer", StringComparison.Ordinal);
            return compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(edited, GeneratorRunner.ParseOptions, tree.FilePath));
        });

        var changed = second.TrackedSteps.Where(s => StageNames.Contains(s.Key))
            .SelectMany(s => s.Value.SelectMany(step => step.Outputs).Select(o => (Stage: s.Key, o.Value, o.Reason)))
            .Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .ToList();
        var emitted = second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(step => step.Outputs)
            .Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);

        var model = Assert.Single(changed, c => c.Stage == TrackingNames.PacketModels).Value;
        Assert.Contains("ConnectionV4", model!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(changed, c => c.Stage is TrackingNames.UnionModels or TrackingNames.WireStructModels or TrackingNames.Memberships);
        Assert.Equal(1, emitted);
        Assert.NotEqual(
            first.GeneratedSources.Single(s => s.HintName.EndsWith("ConnectionV4.g.cs", StringComparison.Ordinal)).SourceText.ToString(),
            second.GeneratedSources.Single(s => s.HintName.EndsWith("ConnectionV4.g.cs", StringComparison.Ordinal)).SourceText.ToString());
    }

    [Fact]
    public void TrackedValues_HoldNoSymbolsSyntaxOrCompilations()
    {
        var result = RunTwice(compilation => compilation).Second;
        var banned = new[] { typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel), typeof(Location) };
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var checkedValues = 0;

        foreach (var name in StageNames)
        {
            foreach (var (value, _) in result.TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                Walk(value, name, banned, visited);
                checkedValues++;
            }
        }

        Assert.True(checkedValues > 20, $"only {checkedValues} values were walked");
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

    private static (GeneratorRunResult First, GeneratorRunResult Second) RunTwice(Func<Compilation, Compilation> edit)
    {
        var compilation = GeneratorRunner.Compile(SnapshotTests.PortmasterSources());
        var (driver, _, _) = GeneratorRunner.Run(compilation);
        var first = driver.GetRunResult().Results.Single();
        (driver, _, _) = GeneratorRunner.Run(edit(compilation), driver);
        return (first, driver.GetRunResult().Results.Single());
    }
}
