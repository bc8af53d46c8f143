using System;
using System.Buffers;
using System.Collections.Immutable;
using System.Linq;
using ProtocolGen.Portmaster;
using Xunit;

namespace ProtocolGen.Tests.Codecs;

public sealed class PortmasterRoundTripTests
{
    private static readonly Ipv4Address MaxV4 = new(255, 255, 255, 255);
    private static readonly Ipv6Address MaxV6 = new(Enumerable.Repeat((byte)0xFF, 16).ToArray());
    private static readonly Ipv6Address SomeV6 = Ipv6Address.Parse("fe80::1:2:3:4");

    public static TheoryData<string, Info> Infos() => new()
    {
        { "log line, non-ASCII text", new LogLine(Severity.Warning, "Grüße, 世界 🚀 — ok") },
        { "log line, empty text", new LogLine(Severity.Critical, string.Empty) },
        { "log line, unnamed severity", new LogLine((Severity)200, "x") },
        { "connection v4, maximum integers", new ConnectionV4(ulong.MaxValue, ulong.MaxValue, (Direction)255, (IpProtocol)255, MaxV4, MaxV4, ushort.MaxValue, ushort.MaxValue, byte.MaxValue, new byte[] { 0xFF }) },
        { "connection v4, empty payload", new ConnectionV4(7, 8, Direction.Inbound, IpProtocol.Udp, new Ipv4Address(10, 0, 0, 1), new Ipv4Address(8, 8, 8, 8), 53000, 53, 4, ReadOnlyMemory<byte>.Empty) },
        { "connection v4, 64 KiB payload", new ConnectionV4(1, 2, Direction.Outbound, IpProtocol.Tcp, new Ipv4Address(1, 2, 3, 4), new Ipv4Address(5, 6, 7, 8), 1, 2, 3, Pattern(64 * 1024)) },
        { "connection v6, maximum integers", new ConnectionV6(ulong.MaxValue, ulong.MaxValue, Direction.Inbound, IpProtocol.IcmpV6, MaxV6, SomeV6, ushort.MaxValue, 0, byte.MaxValue, Pattern(1500)) },
        { "connection v6, empty payload", new ConnectionV6(0, 0, Direction.Outbound, IpProtocol.Tcp, SomeV6, MaxV6, 443, 50000, 0, Array.Empty<byte>()) },
        { "connection end v4", new ConnectionEndV4(ulong.MaxValue, Direction.Inbound, IpProtocol.Tcp, MaxV4, new Ipv4Address(0, 0, 0, 1), ushort.MaxValue, 1) },
        { "connection end v6", new ConnectionEndV6(12345, (Direction)9, IpProtocol.Udp, SomeV6, MaxV6, 1, ushort.MaxValue) },
        { "bandwidth v4, no values", new BandwidthStatsV4(IpProtocol.Tcp, ImmutableArray<BandwidthValueV4>.Empty) },
        { "bandwidth v4, 1,000 values", new BandwidthStatsV4(IpProtocol.Udp, Enumerable.Range(0, 1000).Select(i => new BandwidthValueV4(new Ipv4Address(10, 0, (byte)(i >> 8), (byte)i), (ushort)i, MaxV4, ushort.MaxValue, ulong.MaxValue - (ulong)i, (ulong)i)).ToImmutableArray()) },
        { "bandwidth v6, no values", new BandwidthStatsV6(IpProtocol.Udp, ImmutableArray<BandwidthValueV6>.Empty) },
        { "bandwidth v6, 1,000 values", new BandwidthStatsV6(IpProtocol.Tcp, Enumerable.Range(0, 1000).Select(i => new BandwidthValueV6(SomeV6, (ushort)i, MaxV6, 443, (ulong)i * 1000, ulong.MaxValue)).ToImmutableArray()) },
    };

    public static TheoryData<string, Command> Commands() => new()
    {
        { "shutdown", new Shutdown() },
        { "verdict, maximum id", new VerdictCommand(ulong.MaxValue, Verdict.RedirectSplitTunnel) },
        { "verdict, unnamed value", new VerdictCommand(42, (Verdict)250) },
        { "update v4", new UpdateV4(IpProtocol.Tcp, MaxV4, ushort.MaxValue, new Ipv4Address(9, 9, 9, 9), 53, Verdict.PermanentBlock) },
        { "update v6", new UpdateV6(IpProtocol.Udp, SomeV6, 1, MaxV6, ushort.MaxValue, Verdict.Drop) },
        { "clear cache", new ClearCache() },
        { "get logs", new GetLogs() },
        { "get bandwidth stats", new GetBandwidthStats() },
        { "print memory stats", new PrintMemoryStats() },
        { "clean ended connections", new CleanEndedConnections() },
    };

    [Theory]
    [MemberData(nameof(Infos))]
    public void EveryInfoKind_SurvivesAFrameRoundTrip(string scenario, Info info)
    {
        var frame = Info.EncodeFrame(info);

        Assert.Equal(5 + info.WireSize, frame.Length);
        Assert.Equal(info.PacketType, frame[0]);
        Assert.Equal((uint)info.WireSize, BitConverter.ToUInt32(frame, 1));
        Assert.True(info.Equals(Info.DecodeFrame(frame)), scenario);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void EveryCommandKind_SurvivesAFrameRoundTrip(string scenario, Command command)
    {
        var frame = Command.EncodeFrame(command);

        Assert.Equal(1 + command.WireSize, frame.Length);
        Assert.Equal(command.PacketType, frame[0]);
        Assert.True(command.Equals(Command.DecodeFrame(frame)), scenario);
    }

    [Theory]
    [MemberData(nameof(Infos))]
    public void SpanAndBufferWriterEncodings_WriteTheSameBytes(string scenario, Info info)
    {
        var span = new byte[Info.EncodeFrame(info).Length + 7];
        var written = Info.EncodeFrame(info, span);
        var buffer = new ArrayBufferWriter<byte>();
        Info.EncodeFrame(info, buffer);

        Assert.True(span.AsSpan(0, written).SequenceEqual(buffer.WrittenSpan), scenario);
    }

    [Fact]
    public void APacketBody_ReadsAndWritesWithoutAFrame()
    {
        var end = new ConnectionEndV4(77, Direction.Outbound, IpProtocol.Tcp, new Ipv4Address(1, 1, 1, 1), new Ipv4Address(2, 2, 2, 2), 80, 8080);
        var body = new byte[ConnectionEndV4.MinWireSize];

        Assert.Equal(22, end.WriteTo(body));
        Assert.Equal(end, ConnectionEndV4.ReadFrom(body));
        Assert.True(ConnectionEndV4.IsFixedSize);
    }

    [Fact]
    public void PacketsWithBytes_CompareByContent()
    {
        var a = new ConnectionV4(1, 2, Direction.Inbound, IpProtocol.Tcp, default, default, 3, 4, 5, new byte[] { 1, 2, 3 });
        var b = a with { Payload = new byte[] { 1, 2, 3 } };
        var c = a with { Payload = new byte[] { 1, 2, 4 } };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void AWriteTooSmallForTheFrame_ThrowsBeforeWritingAnything()
    {
        var destination = new byte[10];

        var error = Assert.Throws<ArgumentException>(() => Info.EncodeFrame(new LogLine(Severity.Info, "twelve bytes"), destination));

        Assert.Contains("18", error.Message);
        Assert.All(destination, b => Assert.Equal(0, b));
    }

    private static byte[] Pattern(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 31 + 7)).ToArray();
}
