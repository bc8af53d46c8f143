using System;

namespace ProtocolGen;

/// <summary>
/// Makes a partial record a case of the <see cref="WireUnionAttribute"/> interface it implements: read when the
/// union's selector holds <see cref="Tag"/>. The record is a wire structure (no <c>[WireStruct]</c> needed), and its
/// JSON form starts with <c>"kind": <see cref="Name"/></c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class WireCaseAttribute : Attribute
{
    /// <summary>Declares the case for <paramref name="tag"/>: an integer or an enum member of the selector's type.</summary>
    public WireCaseAttribute(object tag) => Tag = tag;

    /// <summary>The selector's value that picks this case.</summary>
    public object Tag { get; }

    /// <summary>The case's name in JSON and layouts; by default the record's name in snake_case.</summary>
    public string? Name { get; set; }
}
