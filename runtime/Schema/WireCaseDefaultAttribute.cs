using System;

namespace ProtocolGen;

/// <summary>
/// Makes a partial record the case of its <see cref="WireUnionAttribute"/> interface for every tag no
/// <see cref="WireCaseAttribute"/> has: a record whose last member is <c>[RestOfFrame]</c> bytes keeps them as they
/// are, so an EtherType or protocol the schema does not decode still decodes and re-encodes byte for byte (its tag is
/// the selector's value, which the parent record holds). One per union.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class WireCaseDefaultAttribute : Attribute
{
    /// <summary>The case's name in JSON and layouts; by default the record's name in snake_case.</summary>
    public string? Name { get; set; }
}
