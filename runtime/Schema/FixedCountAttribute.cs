using System;

namespace ProtocolGen;

/// <summary>An array of exactly <see cref="Count"/> elements, with no count prefix (a C <c>T[n]</c>).</summary>
/// <remarks>
/// On <c>T[]</c> or <c>ImmutableArray&lt;T&gt;</c> of integers, booleans, enums or wire structures. Decoding reads
/// <see cref="Count"/> elements; encoding refuses an array of any other length (a <see cref="WireEncodeException"/>
/// naming the field, before any byte is written). An array of fixed-size plain elements takes a constant
/// <c>Count × size</c> bytes and stays in its record's fixed run: one bounds check, then constant offsets. On
/// <c>byte[]</c> or <c>ReadOnlyMemory&lt;byte&gt;</c> it is the same as <see cref="FixedLengthAttribute"/>.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
public sealed class FixedCountAttribute : Attribute
{
    /// <summary>Declares an array of exactly <paramref name="count"/> elements.</summary>
    public FixedCountAttribute(int count) => Count = count;

    /// <summary>How many elements the array holds.</summary>
    public int Count { get; }
}
