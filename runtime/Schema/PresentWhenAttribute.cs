using System;

namespace ProtocolGen;

/// <summary>
/// Makes a nullable member conditional: it is on the wire only when the earlier field <see cref="Selector"/> holds one
/// of <see cref="Values"/> (with <see cref="Not"/>, only when it holds none of them), and null otherwise. Binrw's
/// <c>#[br(if(...))]</c>, deku's <c>cond</c>, PDL's optional fields.
/// </summary>
/// <remarks>
/// The member is a <c>T?</c>: an integer, boolean, enum, <see cref="FixedLengthAttribute"/> bytes or a wire structure.
/// Decode reads it when the condition holds and gives null when it does not. Encode checks that the member is present
/// exactly when the condition holds (a <see cref="WireEncodeException"/> naming both fields otherwise): the selector is
/// data the record holds, so the bytes say what the record says. JSON omits an absent member.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
public sealed class PresentWhenAttribute : Attribute
{
    /// <summary>Makes the member present when <paramref name="selector"/> (<c>nameof(Flags)</c>, or its name as a literal) holds one of <paramref name="values"/>.</summary>
    public PresentWhenAttribute(string selector, params object[] values)
    {
        Selector = selector;
        Values = values;
    }

    /// <summary>The earlier integer, boolean or enum field the condition reads.</summary>
    public string Selector { get; }

    /// <summary>The selector's values for which the member is present (absent, with <see cref="Not"/>).</summary>
    public object[] Values { get; }

    /// <summary>Whether the member is present when the selector holds none of <see cref="Values"/>, instead of one of them.</summary>
    public bool Not { get; set; }
}
