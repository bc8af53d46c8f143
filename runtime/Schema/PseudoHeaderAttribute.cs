using System;

namespace ProtocolGen;

/// <summary>
/// Gives the <see cref="SwitchAttribute"/> member of an IP packet record the pseudo-header that a
/// <c>[Checksum(ChecksumAlgorithm.Internet, PseudoHeader = true)]</c> field in its case (TCP's, UDP's) adds: the sum
/// of <see cref="Source"/>, <see cref="Destination"/>, <see cref="Protocol"/> and the member's length (RFC 9293
/// §3.1, RFC 8200 §8.1), on decode and on encode.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
public sealed class PseudoHeaderAttribute : Attribute
{
    /// <summary>Names the earlier fields that make the pseudo-header.</summary>
    /// <param name="source">The source address: an <see cref="Ipv4Address"/> or <see cref="Ipv6Address"/> field.</param>
    /// <param name="destination">The destination address, of the same type.</param>
    /// <param name="protocol">The protocol or next-header field (a byte or an enum over one).</param>
    public PseudoHeaderAttribute(string source, string destination, string protocol) => (Source, Destination, Protocol) = (source, destination, protocol);

    /// <summary>The source address field.</summary>
    public string Source { get; }

    /// <summary>The destination address field.</summary>
    public string Destination { get; }

    /// <summary>The protocol field.</summary>
    public string Protocol { get; }
}
