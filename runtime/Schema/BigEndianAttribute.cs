using System;

namespace ProtocolGen;

/// <summary>
/// Integers (and the length and count prefixes) of the marked record or member are big-endian on the wire,
/// for protocols other than little-endian ones. On a record it applies to each of its own fields; a nested
/// <see cref="WireStructAttribute"/> record keeps the byte order it declares. Byte and text payloads and
/// addresses are not affected.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
public sealed class BigEndianAttribute : Attribute
{
}
