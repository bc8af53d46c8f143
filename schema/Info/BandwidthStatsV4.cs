using System.Collections.Immutable;
using ProtocolGen;

namespace ProtocolGen.Portmaster;

/// <summary>Traffic per IPv4 connection of one protocol, sent in answer to <see cref="GetBandwidthStats"/>.</summary>
/// <param name="Protocol">The IP protocol these values are for (TCP or UDP).</param>
/// <param name="Values">One entry per connection.</param>
[Packet(5)]
public sealed partial record BandwidthStatsV4(
    IpProtocol Protocol,
    [CountPrefix(PrefixWidth.U32)] ImmutableArray<BandwidthValueV4> Values) : Info;
