using System;

namespace ProtocolGen;

/// <summary>Bytes or UTF-8 text preceded by their length in bytes, as an unsigned integer of <see cref="Width"/>.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
public sealed class LengthPrefixAttribute : Attribute
{
    /// <summary>Declares a length prefix of <paramref name="width"/>.</summary>
    public LengthPrefixAttribute(PrefixWidth width) => Width = width;

    /// <summary>The prefix's width.</summary>
    public PrefixWidth Width { get; }
}
