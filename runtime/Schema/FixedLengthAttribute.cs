using System;

namespace ProtocolGen;

/// <summary>A byte field of exactly <see cref="Length"/> bytes, with no prefix.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
public sealed class FixedLengthAttribute : Attribute
{
    /// <summary>Declares a field of exactly <paramref name="length"/> bytes.</summary>
    public FixedLengthAttribute(int length) => Length = length;

    /// <summary>The field's length in bytes.</summary>
    public int Length { get; }
}
