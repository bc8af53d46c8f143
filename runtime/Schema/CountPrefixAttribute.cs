using System;

namespace ProtocolGen;

/// <summary>An array preceded by its element count, as an unsigned integer of <see cref="Width"/>.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
public sealed class CountPrefixAttribute : Attribute
{
    /// <summary>Declares a count prefix of <paramref name="width"/>.</summary>
    public CountPrefixAttribute(PrefixWidth width) => Width = width;

    /// <summary>The prefix's width.</summary>
    public PrefixWidth Width { get; }
}
