using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace ProtocolGen.Benchmarks.Harness;

/// <summary>The verified benchmark classes of this assembly, found by reflection so that a class in a new file joins by itself.</summary>
public static class BenchmarkCatalog
{
    /// <summary>Every concrete <see cref="IVerifiedBenchmark"/> of the bench.</summary>
    public static IReadOnlyList<Type> Verified { get; } = Find(typeof(BenchmarkCatalog).Assembly);

    /// <summary>The verified classes with a generated variant: the ones the ratio table times.</summary>
    public static IReadOnlyList<Type> Rated { get; } = Verified
        .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<VariantAttribute>()?.Variant == Variant.Generated))
        .ToArray();

    /// <summary>
    /// Runs <see cref="IVerifiedBenchmark.Verify"/> on every class, once for each combination of its
    /// <c>[Params]</c>, after its <c>[GlobalSetup]</c>; logs each, throws on the first disagreement.
    /// </summary>
    public static void VerifyAll(Action<string> log) => VerifyAll(Verified, log);

    /// <summary>Every concrete public <see cref="IVerifiedBenchmark"/> of <paramref name="assembly"/>.</summary>
    public static IReadOnlyList<Type> Find(Assembly assembly) => assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && typeof(IVerifiedBenchmark).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Verifies <paramref name="types"/> as <see cref="VerifyAll(Action{string})"/> does.</summary>
    public static void VerifyAll(IEnumerable<Type> types, Action<string> log)
    {
        foreach (var type in types)
        {
            foreach (var parameters in Combinations(type))
            {
                var instance = (IVerifiedBenchmark)Activator.CreateInstance(type)!;
                foreach (var (property, value) in parameters)
                {
                    property.SetValue(instance, value);
                }

                var name = type.Name + (parameters.Count == 0 ? string.Empty : $" ({string.Join(", ", parameters.Select(p => $"{p.Property.Name}={p.Value}"))})");
                try
                {
                    foreach (var setup in type.GetMethods().Where(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null))
                    {
                        setup.Invoke(instance, null);
                    }

                    instance.Verify();
                }
                catch (Exception e)
                {
                    var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
                    throw new VerificationException($"{name}: {cause.Message}", cause);
                }

                log($"verified {name}");
            }
        }
    }

    private static IEnumerable<List<(PropertyInfo Property, object? Value)>> Combinations(Type type)
    {
        IEnumerable<List<(PropertyInfo, object?)>> combinations = [[]];
        foreach (var property in type.GetProperties())
        {
            if (property.GetCustomAttribute<ParamsAttribute>() is { } values)
            {
                combinations = combinations.SelectMany(c => values.Values.Select(v => new List<(PropertyInfo, object?)>(c) { (property, v) })).ToList();
            }
        }

        return combinations;
    }
}
