using System;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using MemoryPack;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Benchmarks.Baselines;

// Baseline (d): the Portmaster packets as MemoryPack records holding the same values, in MemoryPack's own
// format (so only values are comparable, never bytes). Addresses, enums and bandwidth entries are the
// Portmaster types themselves: they are unmanaged, so MemoryPack copies them as memory, its fastest path
// (an entry array is one block copy). Text keeps MemoryPack's default, UTF-16 copied as it is. The union's
// tag plays the part of the frame's type byte; a null union value stands for the capture's bad frame,
// which every variant skips as one error.

/// <summary>An info packet, as a MemoryPack union.</summary>
[MemoryPackable]
[MemoryPackUnion(0, typeof(MpLogLine))]
[MemoryPackUnion(1, typeof(MpConnectionV4))]
[MemoryPackUnion(2, typeof(MpConnectionV6))]
[MemoryPackUnion(3, typeof(MpConnectionEndV4))]
[MemoryPackUnion(4, typeof(MpConnectionEndV6))]
[MemoryPackUnion(5, typeof(MpBandwidthStatsV4))]
[MemoryPackUnion(6, typeof(MpBandwidthStatsV6))]
public abstract partial record MpInfo
{
    /// <summary>The equal ProtocolGen record, for verification.</summary>
    public abstract Info ToInfo();

    /// <summary>The equal MemoryPack record of <paramref name="info"/>.</summary>
    public static MpInfo From(Info info) => info switch
    {
        LogLine p => new MpLogLine(p.Severity, p.Line),
        ConnectionV4 p => new MpConnectionV4(p.Id, p.ProcessId, p.Direction, p.Protocol, p.LocalIp, p.RemoteIp, p.LocalPort, p.RemotePort, p.PayloadLayer, p.Payload.ToArray()),
        ConnectionV6 p => new MpConnectionV6(p.Id, p.ProcessId, p.Direction, p.Protocol, p.LocalIp, p.RemoteIp, p.LocalPort, p.RemotePort, p.PayloadLayer, p.Payload.ToArray()),
        ConnectionEndV4 p => new MpConnectionEndV4(p.ProcessId, p.Direction, p.Protocol, p.LocalIp, p.RemoteIp, p.LocalPort, p.RemotePort),
        ConnectionEndV6 p => new MpConnectionEndV6(p.ProcessId, p.Direction, p.Protocol, p.LocalIp, p.RemoteIp, p.LocalPort, p.RemotePort),
        BandwidthStatsV4 p => new MpBandwidthStatsV4(p.Protocol, p.Values.AsSpan().ToArray()),
        BandwidthStatsV6 p => new MpBandwidthStatsV6(p.Protocol, p.Values.AsSpan().ToArray()),
        _ => throw new ArgumentException($"not an info packet: {info}", nameof(info)),
    };
}

[MemoryPackable]
public sealed partial record MpLogLine(Severity Severity, string Line) : MpInfo
{
    public override Info ToInfo() => new LogLine(Severity, Line);
}

[MemoryPackable]
public sealed partial record MpConnectionV4(
    ulong Id, ulong ProcessId, Direction Direction, IpProtocol Protocol, Ipv4Address LocalIp, Ipv4Address RemoteIp,
    ushort LocalPort, ushort RemotePort, byte PayloadLayer, byte[] Payload) : MpInfo
{
    public override Info ToInfo() => new ConnectionV4(Id, ProcessId, Direction, Protocol, LocalIp, RemoteIp, LocalPort, RemotePort, PayloadLayer, Payload);
}

[MemoryPackable]
public sealed partial record MpConnectionV6(
    ulong Id, ulong ProcessId, Direction Direction, IpProtocol Protocol, Ipv6Address LocalIp, Ipv6Address RemoteIp,
    ushort LocalPort, ushort RemotePort, byte PayloadLayer, byte[] Payload) : MpInfo
{
    public override Info ToInfo() => new ConnectionV6(Id, ProcessId, Direction, Protocol, LocalIp, RemoteIp, LocalPort, RemotePort, PayloadLayer, Payload);
}

[MemoryPackable]
public sealed partial record MpConnectionEndV4(
    ulong ProcessId, Direction Direction, IpProtocol Protocol, Ipv4Address LocalIp, Ipv4Address RemoteIp, ushort LocalPort, ushort RemotePort) : MpInfo
{
    public override Info ToInfo() => new ConnectionEndV4(ProcessId, Direction, Protocol, LocalIp, RemoteIp, LocalPort, RemotePort);
}

[MemoryPackable]
public sealed partial record MpConnectionEndV6(
    ulong ProcessId, Direction Direction, IpProtocol Protocol, Ipv6Address LocalIp, Ipv6Address RemoteIp, ushort LocalPort, ushort RemotePort) : MpInfo
{
    public override Info ToInfo() => new ConnectionEndV6(ProcessId, Direction, Protocol, LocalIp, RemoteIp, LocalPort, RemotePort);
}

[MemoryPackable]
public sealed partial record MpBandwidthStatsV4(IpProtocol Protocol, BandwidthValueV4[] Values) : MpInfo
{
    public override Info ToInfo() => new BandwidthStatsV4(Protocol, ImmutableCollectionsMarshal.AsImmutableArray(Values));
}

[MemoryPackable]
public sealed partial record MpBandwidthStatsV6(IpProtocol Protocol, BandwidthValueV6[] Values) : MpInfo
{
    public override Info ToInfo() => new BandwidthStatsV6(Protocol, ImmutableCollectionsMarshal.AsImmutableArray(Values));
}

/// <summary>A command, as a MemoryPack union (the two the command rows encode).</summary>
[MemoryPackable]
[MemoryPackUnion(1, typeof(MpVerdict))]
[MemoryPackUnion(3, typeof(MpUpdateV6))]
public abstract partial record MpCommand
{
    public abstract Command ToCommand();

    public static MpCommand From(Command command) => command switch
    {
        VerdictCommand p => new MpVerdict(p.Id, p.Verdict),
        UpdateV6 p => new MpUpdateV6(p.Protocol, p.LocalAddress, p.LocalPort, p.RemoteAddress, p.RemotePort, p.Verdict),
        _ => throw new ArgumentException($"no MemoryPack mirror for {command}", nameof(command)),
    };
}

[MemoryPackable]
public sealed partial record MpVerdict(ulong Id, Verdict Verdict) : MpCommand
{
    public override Command ToCommand() => new VerdictCommand(Id, Verdict);
}

[MemoryPackable]
public sealed partial record MpUpdateV6(IpProtocol Protocol, Ipv6Address LocalAddress, ushort LocalPort, Ipv6Address RemoteAddress, ushort RemotePort, Verdict Verdict) : MpCommand
{
    public override Command ToCommand() => new UpdateV6(Protocol, LocalAddress, LocalPort, RemoteAddress, RemotePort, Verdict);
}

/// <summary>The MemoryPack side of a capture: one MemoryPack value per frame, back to back.</summary>
public static class MemoryPackCapture
{
    /// <summary>Serializes each frame's packet (null for a bad frame) one after the other.</summary>
    public static byte[] Serialize(ReadOnlySpan<Info?> packets)
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>(1 << 16);
        foreach (var packet in packets)
        {
            MemoryPackSerializer.Serialize(output, packet is null ? null : MpInfo.From(packet));
        }

        return output.WrittenSpan.ToArray();
    }

    /// <summary>Deserializes back-to-back values into <paramref name="packets"/> and returns the count; a null is a skipped bad frame.</summary>
    public static int Deserialize(ReadOnlySpan<byte> bytes, Span<MpInfo?> packets)
    {
        var count = 0;
        while (!bytes.IsEmpty)
        {
            MpInfo? packet = null;
            bytes = bytes.Slice(MemoryPackSerializer.Deserialize(bytes, ref packet));
            packets[count++] = packet;
        }

        return count;
    }
}
