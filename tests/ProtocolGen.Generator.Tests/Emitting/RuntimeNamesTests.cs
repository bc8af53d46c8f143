using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ProtocolGen.Generator.Emitting;
using ProtocolGen.Generator.Parsing;
using ProtocolGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProtocolGen.Generator.Tests.Emitting;

/// <summary>
/// The generator names runtime types by string, so a type that moves or is renamed in the runtime would leave it
/// emitting (or looking for) a name that no longer exists, which only a user's build would notice. These tests hold
/// every such string to the runtime assembly itself.
/// </summary>
public sealed class RuntimeNamesTests
{
    private static readonly Assembly Runtime = typeof(WireCodec).Assembly;

    private static readonly Type[] PublicRuntimeTypes = Runtime.GetExportedTypes();

    public static IEnumerable<object[]> RuntimeTypeNames() => Constants(typeof(RuntimeNames))
        .Where(constant => !constant.Name.EndsWith("Namespace", StringComparison.Ordinal))
        .Select(constant => new object[] { constant.Name, constant.Value });

    public static IEnumerable<object[]> RuntimeNamespaces() => Constants(typeof(RuntimeNames))
        .Where(constant => constant.Name.EndsWith("Namespace", StringComparison.Ordinal))
        .Select(constant => new object[] { constant.Name, constant.Value });

    // Only the names of the runtime's own types; the BCL ones (ImmutableArray`1, ReadOnlyMemory`1) are not ours to move.
    public static IEnumerable<object[]> KnownRuntimeMetadataNames() => Constants(typeof(KnownNames))
        .Where(constant => constant.Value.StartsWith("ProtocolGen.", StringComparison.Ordinal))
        .Select(constant => new object[] { constant.Name, constant.Value });

    [Theory]
    [MemberData(nameof(RuntimeTypeNames))]
    public void Every_RuntimeNames_type_is_a_public_type_of_the_runtime(string constant, string name)
    {
        Assert.StartsWith("global::", name);
        var fullName = name["global::".Length..];

        // Emitters add type arguments themselves (IWireStruct<T>), so a generic type answers to its name without arity.
        Assert.True(
            PublicRuntimeTypes.Any(type => !type.IsNested && NameWithoutArity(type) == fullName),
            $"RuntimeNames.{constant} is {name}, which is not a public type of {Runtime.GetName().Name}");
    }

    [Theory]
    [MemberData(nameof(RuntimeNamespaces))]
    public void Every_RuntimeNames_namespace_holds_public_runtime_types(string constant, string name)
    {
        Assert.StartsWith("global::", name);
        var ns = name["global::".Length..];

        Assert.True(
            PublicRuntimeTypes.Any(type => type.Namespace == ns),
            $"RuntimeNames.{constant} is {name}, a namespace with no public type in {Runtime.GetName().Name}");
    }

    [Theory]
    [MemberData(nameof(KnownRuntimeMetadataNames))]
    public void Every_KnownNames_runtime_name_is_a_public_type_of_the_runtime(string constant, string metadataName)
    {
        var type = Runtime.GetType(metadataName, throwOnError: false);

        Assert.True(
            type is { IsPublic: true },
            $"KnownNames.{constant} is {metadataName}, which is not a public type of {Runtime.GetName().Name}");
    }

    [Fact]
    public void The_lists_are_read_from_the_generator_not_empty()
    {
        // A reflection slip (wrong binding flags) would make every theory above vacuous.
        Assert.True(RuntimeTypeNames().Count() > 30);
        Assert.True(KnownRuntimeMetadataNames().Count() > 10);
    }

    [Fact]
    public void No_emitter_spells_a_runtime_name_outside_RuntimeNames()
    {
        // A literal would not move with RuntimeNames, so the test above could not see it go stale.
        var emitters = System.IO.Directory.GetFiles(System.IO.Path.Combine(TestPaths.RepositoryRoot, "generator", "Emitting"), "*.cs");
        var literals = emitters
            .Where(path => System.IO.Path.GetFileName(path) != "RuntimeNames.cs")
            .SelectMany(path => System.IO.File.ReadLines(path).Select((line, index) => (path, line, index)))
            .Where(row => row.line.Contains("global::ProtocolGen", StringComparison.Ordinal))
            .Select(row => $"{System.IO.Path.GetFileName(row.path)}:{row.index + 1}: {row.line.Trim()}")
            .ToList();

        Assert.True(emitters.Length > 10, $"read {emitters.Length} emitter files");
        Assert.True(literals.Count == 0, "Runtime names spelled literally (take them from RuntimeNames):\n" + string.Join("\n", literals));
    }

    private static IEnumerable<(string Name, string Value)> Constants(Type holder) => holder
        .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .Select(field => (field.Name, (string)field.GetRawConstantValue()!));

    private static string NameWithoutArity(Type type)
    {
        var fullName = type.FullName!;
        var tick = fullName.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? fullName : fullName[..tick];
    }
}
