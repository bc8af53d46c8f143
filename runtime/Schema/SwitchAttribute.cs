using System;

namespace ProtocolGen;

/// <summary>
/// Reads a member whose type is a <see cref="WireUnionAttribute"/> interface as the case that the earlier field
/// <see cref="Selector"/> names. Its bytes are a window when a <see cref="LengthOfAttribute"/> field gives their
/// length (the case must end exactly there), and otherwise the case's own.
/// </summary>
/// <remarks>
/// Encoding checks that the case is the selector's (a <see cref="WireEncodeException"/> naming both fields otherwise):
/// the selector is data the record holds, not derived from the case, so an unknown tag re-encodes as read.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
public sealed class SwitchAttribute : Attribute
{
    /// <summary>Chooses the member's case by <paramref name="selector"/> (<c>nameof(Type)</c>, or its name as a literal).</summary>
    public SwitchAttribute(string selector) => Selector = selector;

    /// <summary>The earlier integer or enum field whose value picks the case.</summary>
    public string Selector { get; }
}
