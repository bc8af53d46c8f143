using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using ProtocolGen.Framing;
using ProtocolGen.Portmaster;
using ProtocolGen.Tests.Captures;

namespace ProtocolGen.Fuzz.Tests.Seeds;

/// <summary>
/// The frames mutated streams are built from: every frame of an upstream capture in testdata/, plus frames the
/// schema's encoder makes of edge values. Each good frame's bytes map to the packet they stand for, so a
/// frame that survives a mutation intact can be recognised wherever it ends up.
/// </summary>
internal sealed class SeedFrames<TUnion>
    where TUnion : IPacketUnion<TUnion>
{
    private readonly Dictionary<string, TUnion> _packets = new();

    private SeedFrames(IEnumerable<byte[]> frames)
    {
        Frames = frames.ToArray();
        foreach (var frame in Frames)
        {
            // Only frames the decoder takes whole are "good": the capture's deliberately bad first frame is not.
            var decoded = FrameDecoder.Enumerate<TUnion>(frame);
            if (decoded.MoveNext() && decoded.Current.IsPacket && decoded.Current.Length == frame.Length && !decoded.MoveNext())
            {
                _packets[Convert.ToHexString(frame)] = Decode(frame);
            }
        }

        LongestGoodFrame = Frames.Where(f => _packets.ContainsKey(Convert.ToHexString(f))).Max(f => f.Length);
    }

    public static SeedFrames<Info> Infos { get; } = new(InfoFrames());

    public static SeedFrames<Command> Commands { get; } = new(CommandFrames());

    public byte[][] Frames { get; }

    public int LongestGoodFrame { get; }

    public int GoodCount => _packets.Count;

    /// <summary>The packet <paramref name="frame"/> stands for, when it is exactly one of the good seed frames.</summary>
    public bool TryGetPacket(ReadOnlySpan<byte> frame, out TUnion packet)
    {
        packet = default!;
        return frame.Length <= LongestGoodFrame && _packets.TryGetValue(Convert.ToHexString(frame), out packet!);
    }

    private static TUnion Decode(byte[] frame) => FrameDecoder.DecodeSingle<TUnion>(frame);

    private static IEnumerable<byte[]> InfoFrames()
    {
        // The Rust crate's capture, cut on its chain of declared lengths (its first frame is bad on purpose).
        var capture = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "testdata", "rust_info_test.bin"));
        for (var offset = 0; offset + 5 <= capture.Length;)
        {
            var length = 5 + (int)BitConverter.ToUInt32(capture, offset + 1);
            yield return capture.AsSpan(offset, Math.Min(length, capture.Length - offset)).ToArray();
            offset += length;
        }

        var v6 = Ipv6Address.Parse("fe80::1:2:3:4");
        Info[] edges =
        [
            .. Enumerable.Range(0, 7).Select(t => CaptureValues.ExpectedInfo((byte)t)),
            new LogLine(Severity.Warning, "Grüße, 世界 🚀"),
            new LogLine(Severity.Critical, string.Empty),
            new LogLine((Severity)200, "x"),
            new ConnectionV4(ulong.MaxValue, 1, (Direction)255, (IpProtocol)255, new Ipv4Address(255, 255, 255, 255), default, ushort.MaxValue, 0, 255, new byte[] { 0xFF }),
            new ConnectionV4(7, 8, Direction.Inbound, IpProtocol.Udp, new Ipv4Address(10, 0, 0, 1), new Ipv4Address(8, 8, 8, 8), 53000, 53, 4, ReadOnlyMemory<byte>.Empty),
            new ConnectionV6(0, 0, Direction.Outbound, IpProtocol.Tcp, v6, default, 443, 50000, 0, Enumerable.Range(0, 300).Select(i => (byte)i).ToArray()),
            new ConnectionEndV6(12345, (Direction)9, IpProtocol.Udp, v6, v6, 1, ushort.MaxValue),
            new BandwidthStatsV4(IpProtocol.Tcp, ImmutableArray<BandwidthValueV4>.Empty),
            new BandwidthStatsV6(IpProtocol.Udp, ImmutableArray<BandwidthValueV6>.Empty),
            new BandwidthStatsV4(IpProtocol.Udp, Enumerable.Range(0, 20).Select(i => new BandwidthValueV4(new Ipv4Address(10, 0, 0, (byte)i), (ushort)i, default, 1, (ulong)i, 2)).ToImmutableArray()),
        ];
        foreach (var info in edges)
        {
            yield return FrameEncoder.ToArray(info);
        }
    }

    private static IEnumerable<byte[]> CommandFrames()
    {
        // The Go package's capture, cut by the decoder (commands carry no length to cut on).
        var capture = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "testdata", "go_command_test.bin"));
        var frames = new List<byte[]>();
        foreach (var frame in FrameDecoder.Enumerate<Command>(capture))
        {
            frames.Add(capture.AsSpan((int)frame.Offset, (int)frame.Length).ToArray());
        }

        Command[] edges =
        [
            new Shutdown(),
            new VerdictCommand(ulong.MaxValue, (Verdict)250),
            new UpdateV4(IpProtocol.Tcp, new Ipv4Address(255, 255, 255, 255), ushort.MaxValue, new Ipv4Address(9, 9, 9, 9), 53, Verdict.PermanentBlock),
            new UpdateV6(IpProtocol.Udp, Ipv6Address.Parse("fe80::1"), 1, Ipv6Address.Parse("::1"), ushort.MaxValue, Verdict.Drop),
            new ClearCache(),
            new GetLogs(),
            new GetBandwidthStats(),
            new PrintMemoryStats(),
            new CleanEndedConnections(),
        ];
        return frames.Concat(edges.Select(c => FrameEncoder.ToArray(c)));
    }
}
