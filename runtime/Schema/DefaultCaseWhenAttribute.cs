using System;

namespace ProtocolGen;

/// <summary>
/// Guards a <see cref="SwitchAttribute"/> member: when the earlier field <see cref="Selector"/> holds one of
/// <see cref="Values"/> (with <see cref="Not"/>, when it holds none of them), the member is read as its union's
/// <see cref="WireCaseDefaultAttribute"/> record, which keeps the bytes, whatever case the switch's selector names.
/// Several guards on one member are ORed: the default case is read when any of them holds.
/// </summary>
/// <remarks>
/// <para>
/// An IPv4 fragment carries a piece of its payload, which cannot be read as the protocol's case: the payload of a
/// packet with MoreFragments set or a FragmentOffset other than 0 stays raw bytes.
/// </para>
/// <code>
/// [Switch(nameof(Protocol)), PseudoHeader(nameof(Source), nameof(Destination), nameof(Protocol)),
///  DefaultCaseWhen(nameof(MoreFragments), true), DefaultCaseWhen(nameof(FragmentOffset), 0, Not = true)] IIpPayload Payload
/// </code>
/// <para>
/// The selector is, as for <see cref="PresentWhenAttribute"/>, an earlier integer, boolean or enum that is always on the
/// wire and holds data, and the values are constants of its type. The union must have a default case (PG0050). When
/// no guard holds the member is read and checked exactly as an unguarded <c>[Switch]</c>. Encode checks that, while a
/// guard holds, the member holds the default record (a <see cref="WireEncodeException"/> naming the member, its case,
/// the guard's selector and value, and the default record otherwise), so the bytes decode to what the record says.
/// JSON is unchanged: the case is read by its <c>kind</c>, and a case the guards do not allow is refused at encode.
/// </para>
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class DefaultCaseWhenAttribute : Attribute
{
    /// <summary>Reads the member as its union's default case when <paramref name="selector"/> (<c>nameof(Flags)</c>, or its name as a literal) holds one of <paramref name="values"/>.</summary>
    public DefaultCaseWhenAttribute(string selector, params object[] values)
    {
        Selector = selector;
        Values = values;
    }

    /// <summary>The earlier integer, boolean or enum field the guard reads.</summary>
    public string Selector { get; }

    /// <summary>The selector's values for which the default case is read (for which it is not, with <see cref="Not"/>).</summary>
    public object[] Values { get; }

    /// <summary>Whether the default case is read when the selector holds none of <see cref="Values"/>, instead of one of them.</summary>
    public bool Not { get; set; }
}
