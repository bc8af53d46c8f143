using System;

namespace ProtocolGen;

/// <summary>
/// The default <see cref="ProtocolGen.BitOrder"/> of the record's bit groups (a group's own
/// <see cref="BitsAttribute.Order"/> still wins). Without it, groups are <see cref="BitOrder.MsbFirst"/> in
/// <see cref="BigEndianAttribute"/> records and <see cref="BitOrder.LsbFirst"/> in little-endian ones, so the
/// first declared member lands in the first wire byte either way.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class BitOrderAttribute : Attribute
{
    /// <summary>Declares the record's bit order.</summary>
    public BitOrderAttribute(BitOrder order) => Order = order;

    /// <summary>Where each group's first member sits in its container.</summary>
    public BitOrder Order { get; }
}
