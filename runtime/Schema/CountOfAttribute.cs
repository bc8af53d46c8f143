using System;

namespace ProtocolGen;

/// <summary>
/// Makes an unsigned integer field the element count of a later array (<see cref="Member"/>), which then has no
/// count rule of its own. The field is derived: <c>value × Scale = count + Offset</c>.
/// </summary>
/// <remarks>
/// Decoding checks the count against the bytes left (count × the element's minimum size) before allocating, so a
/// hostile count allocates nothing: too large is <see cref="ProtocolErrorKind.LengthBeyondFrame"/>, a negative
/// count <see cref="ProtocolErrorKind.LengthMismatch"/>, both at this field. Encoding ignores the stored value and
/// writes the array's count, refusing one the field cannot say with a <see cref="WireEncodeException"/> before any
/// byte is written. Generated equality skips the field, since it follows from the array.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
public sealed class CountOfAttribute : Attribute
{
    /// <summary>Declares the field the element count of <paramref name="member"/> (<c>nameof(Items)</c>, or its name as a literal).</summary>
    public CountOfAttribute(string member) => Member = member;

    /// <summary>The array whose count the field holds; it must come after the field.</summary>
    public string Member { get; }

    /// <summary>How many elements one unit of the field counts; at least 1. The default is 1.</summary>
    public int Scale { get; set; } = 1;

    /// <summary>What the field counts beyond the elements: <c>value × Scale = count + Offset</c>. The default is 0.</summary>
    public int Offset { get; set; }
}
