using System;

namespace ProtocolGen.Benchmarks.Harness;

/// <summary>Which side of a ratio a benchmark method is on: the generated code, or one of the baselines.</summary>
public enum Variant
{
    /// <summary>ProtocolGen's generated code through its public API (the numerator of every ratio).</summary>
    Generated,

    /// <summary>(a) hand-written BinaryPrimitives span code building the same records: the limit for safe code.</summary>
    HandWritten,

    /// <summary>(b) a port that reads (or writes) through BinaryReader/BinaryWriter over a MemoryStream.</summary>
    BinaryReader,

    /// <summary>(c) a hand-written struct handler that reads the fields it needs from spans and allocates nothing.</summary>
    StructHandler,

    /// <summary>(d) MemoryPack 1.21.4 on equivalent records, in its own format.</summary>
    MemoryPack,

    /// <summary>The same generated code over one span: the reference a streaming path is held to.</summary>
    Span,
}

/// <summary>Marks a <c>[Benchmark]</c> method with its <see cref="Variant"/>; <paramref name="label"/> tells generated paths of one row apart.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class VariantAttribute(Variant variant, string? label = null) : Attribute
{
    public Variant Variant { get; } = variant;

    public string Label { get; } = label ?? VariantNames.Of(variant);
}

/// <summary>Short names of the variants, as the tables print them.</summary>
public static class VariantNames
{
    public static string Of(Variant variant) => variant switch
    {
        Variant.Generated => "generated",
        Variant.HandWritten => "(a) hand-written",
        Variant.BinaryReader => "(b) BinaryReader",
        Variant.StructHandler => "(c) struct handler",
        Variant.MemoryPack => "(d) MemoryPack",
        Variant.Span => "span",
        _ => variant.ToString(),
    };
}
