using System;

namespace ProtocolGen;

/// <summary>
/// Makes an enum closed on the wire: decoding a value it does not name is <see cref="ProtocolErrorKind.InvalidValue"/>
/// at the field's offset, encoding one throws <see cref="WireEncodeException"/>, and JSON holds names only. A
/// <see cref="FlagsAttribute"/> enum accepts any combination of its named bits (in JSON also as a number). Without it an enum is open: unnamed
/// values decode and re-encode unchanged.
/// </summary>
[AttributeUsage(AttributeTargets.Enum, Inherited = false)]
public sealed class ClosedEnumAttribute : Attribute
{
}
