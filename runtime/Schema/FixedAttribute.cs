using System;

namespace ProtocolGen;

/// <summary>
/// A field that always holds <see cref="Value"/> on the wire (a version number, a constant length): decode refuses
/// another value (<see cref="ProtocolErrorKind.FixedValueMismatch"/> at the field's offset), encode writes the
/// constant whatever the member holds. On an integer, a boolean or an enum; the member stays a field, so it shows
/// in JSON and views, and JSON input may leave it out.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
public sealed class FixedAttribute : Attribute
{
    /// <summary>Declares the constant: a number, a boolean or a member of the field's enum.</summary>
    public FixedAttribute(object value) => Value = value;

    /// <summary>The constant the field holds on the wire.</summary>
    public object Value { get; }
}
