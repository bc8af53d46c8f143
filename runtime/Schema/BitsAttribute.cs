using System;

namespace ProtocolGen;

/// <summary>
/// A bit field: the member takes <see cref="Width"/> bits of a container integer instead of whole bytes. The member
/// that names <see cref="Container"/> starts a group; the <c>[Bits]</c> members that follow it fill the container, in
/// declaration order, from the end <see cref="Order"/> (or the record's <see cref="BitOrderAttribute"/>, or its byte
/// order) says. The container is read once and written once, in the record's byte order, at a constant offset in its
/// record's fixed run. On an unsigned integer, a <c>bool</c> (width 1) or an enum with an unsigned underlying type;
/// encode refuses a value wider than its bits (<see cref="WireEncodeException"/> naming the field).
/// </summary>
/// <example>
/// An IPv4 header's first byte, as RFC 791 draws it:
/// <code>
/// [Bits(4, Container = 8), Fixed(4)] byte Version,
/// [Bits(4)] byte HeaderLength,
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
public sealed class BitsAttribute : Attribute
{
    /// <summary>Declares a field of <paramref name="width"/> bits.</summary>
    public BitsAttribute(int width) => Width = width;

    /// <summary>How many bits the field takes: 1 to its type's bits (1 for a <c>bool</c>).</summary>
    public int Width { get; }

    /// <summary>
    /// On the first member of a group: the container's size in bits (8, 16, 24, 32, 40, 48, 56 or 64), which the
    /// group's widths must add up to exactly. 0 (the default) on the members that continue the group.
    /// </summary>
    public int Container { get; set; }

    /// <summary>On the first member of a group: where its first member sits in the container, overriding the record's order.</summary>
    public BitOrder Order { get; set; }
}
