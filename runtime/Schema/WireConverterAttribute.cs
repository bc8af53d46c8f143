using System;

namespace ProtocolGen;

/// <summary>
/// The member's value goes through <see cref="ConverterType"/> to and from the wire: a type implementing
/// <see cref="IWireConverter{TValue, TWire}"/> (the member is laid out as an integer, boolean or enum) or
/// <see cref="IWireBytesConverter{TValue}"/> (the member is a constant number of bytes), for the member's type.
/// </summary>
/// <remarks>
/// The member reads and writes at a constant offset in its record's fixed run. A wire value the converter refuses
/// is <see cref="ProtocolErrorKind.InvalidValue"/> at the member. JSON is the converter's own when it implements
/// <see cref="Json.IWireJsonConverter{TValue}"/>, else the wire value.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
public sealed class WireConverterAttribute : Attribute
{
    /// <summary>Converts the member with <paramref name="converterType"/>.</summary>
    public WireConverterAttribute(Type converterType) => ConverterType = converterType;

    /// <summary>The converter.</summary>
    public Type ConverterType { get; }
}
