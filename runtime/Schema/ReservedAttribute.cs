using System;

namespace ProtocolGen;

/// <summary>
/// A reserved integer or bit field (TCP's reserved bits, IPv4's evil bit): kept as data, so a decoded value
/// re-encodes byte for byte and equality compares it; never refused, whatever it holds. Layouts mark it
/// <c>reserved</c>; JSON writes it under its name like any other field.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
public sealed class ReservedAttribute : Attribute
{
}
