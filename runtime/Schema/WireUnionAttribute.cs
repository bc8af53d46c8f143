using System;

namespace ProtocolGen;

/// <summary>
/// Makes a partial interface a wire union: a member of a record whose bytes are one of several records, the
/// <see cref="WireCaseAttribute"/> records that implement it, chosen by an earlier field of that record
/// (<see cref="SwitchAttribute"/>). Ethernet's payload by its EtherType, IP's by its protocol.
/// </summary>
/// <remarks>
/// The generator adds <see cref="IWireWritable"/> and <c>IJsonWritable</c> to the interface, and a dispatch over the
/// cases' tags that readers of the records holding the union call. A tag no case has is read by the
/// <see cref="WireCaseDefaultAttribute"/> record, which keeps the bytes; without one it is
/// <see cref="ProtocolErrorKind.UnknownType"/>.
/// </remarks>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class WireUnionAttribute : Attribute
{
}
