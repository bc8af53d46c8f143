using System.Collections.Immutable;
using System.Text;
using CsCheck;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Tests.Properties;

/// <summary>Random Portmaster packets over the whole value range, named and unnamed enum values alike.</summary>
internal static class PortmasterGen
{
    public static readonly Gen<Ipv4Address> V4 = Gen.Byte.Array[4].Select(b => new Ipv4Address(b));
    public static readonly Gen<Ipv6Address> V6 = Gen.Byte.Array[16].Select(b => new Ipv6Address(b));
    public static readonly Gen<byte[]> Payload = Gen.Byte.Array[0, 2000];

    // Any string, kept as valid UTF-8 (lone surrogates cannot be encoded, so they would not round-trip).
    public static readonly Gen<string> Text = Gen.String.Select(s => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s)));

    private static readonly Gen<(ulong Id, ulong Process, Direction Direction, IpProtocol Protocol)> ConnectionHead =
        Gen.Select(Gen.ULong, Gen.ULong, Gen.Byte, Gen.Byte, (id, process, direction, protocol) => (id, process, (Direction)direction, (IpProtocol)protocol));

    private static readonly Gen<(ushort Local, ushort Remote, byte Layer, byte[] Payload)> ConnectionTail =
        Gen.Select(Gen.UShort, Gen.UShort, Gen.Byte, Payload, (local, remote, layer, payload) => (local, remote, layer, payload));

    public static readonly Gen<Info> Info = Gen.OneOf(
        Gen.Select(Gen.Byte, Text, (severity, text) => (Info)new LogLine((Severity)severity, text)),
        Gen.Select(ConnectionHead, V4, V4, ConnectionTail, (h, local, remote, t) =>
            (Info)new ConnectionV4(h.Id, h.Process, h.Direction, h.Protocol, local, remote, t.Local, t.Remote, t.Layer, t.Payload)),
        Gen.Select(ConnectionHead, V6, V6, ConnectionTail, (h, local, remote, t) =>
            (Info)new ConnectionV6(h.Id, h.Process, h.Direction, h.Protocol, local, remote, t.Local, t.Remote, t.Layer, t.Payload)),
        Gen.Select(ConnectionHead, V4, V4, Gen.UShort, Gen.UShort, (h, local, remote, lp, rp) =>
            (Info)new ConnectionEndV4(h.Process, h.Direction, h.Protocol, local, remote, lp, rp)),
        Gen.Select(ConnectionHead, V6, V6, Gen.UShort, Gen.UShort, (h, local, remote, lp, rp) =>
            (Info)new ConnectionEndV6(h.Process, h.Direction, h.Protocol, local, remote, lp, rp)),
        Gen.Select(Gen.Byte, Gen.Select(V4, Gen.UShort, V4, Gen.UShort, Gen.ULong, Gen.ULong, (a, b, c, d, e, f) => new BandwidthValueV4(a, b, c, d, e, f)).Array[0, 50],
            (protocol, values) => (Info)new BandwidthStatsV4((IpProtocol)protocol, ImmutableArray.Create(values))),
        Gen.Select(Gen.Byte, Gen.Select(V6, Gen.UShort, V6, Gen.UShort, Gen.ULong, Gen.ULong, (a, b, c, d, e, f) => new BandwidthValueV6(a, b, c, d, e, f)).Array[0, 50],
            (protocol, values) => (Info)new BandwidthStatsV6((IpProtocol)protocol, ImmutableArray.Create(values))));

    public static readonly Gen<Command> Command = Gen.OneOf(
        Gen.Const<Command>(new Shutdown()),
        Gen.Select(Gen.ULong, Gen.Byte, (id, verdict) => (Command)new VerdictCommand(id, (Verdict)verdict)),
        Gen.Select(Gen.Byte, V4, Gen.UShort, V4, Gen.UShort, Gen.Byte, (p, la, lp, ra, rp, v) => (Command)new UpdateV4((IpProtocol)p, la, lp, ra, rp, (Verdict)v)),
        Gen.Select(Gen.Byte, V6, Gen.UShort, V6, Gen.UShort, Gen.Byte, (p, la, lp, ra, rp, v) => (Command)new UpdateV6((IpProtocol)p, la, lp, ra, rp, (Verdict)v)),
        Gen.Const<Command>(new ClearCache()),
        Gen.Const<Command>(new GetLogs()),
        Gen.Const<Command>(new GetBandwidthStats()),
        Gen.Const<Command>(new PrintMemoryStats()),
        Gen.Const<Command>(new CleanEndedConnections()));
}
