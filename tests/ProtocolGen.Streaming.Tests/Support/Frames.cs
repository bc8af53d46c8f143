using System;
using System.Collections.Generic;
using System.Linq;
using ProtocolGen.Framing;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Streaming.Tests.Support;

/// <summary>Builds info streams, good and hostile, and what a reader should make of them.</summary>
internal static class Frames
{
    /// <summary>A frame with any type byte, declared length and body, right or wrong.</summary>
    public static byte[] Raw(byte type, uint declaredLength, byte[] body)
    {
        var frame = new byte[FrameHeader.TypeAndLength32Size + body.Length];
        FrameHeader.Write(FrameFormat.TypeAndLength32, type, unchecked((int)declaredLength), frame);
        body.CopyTo(frame, FrameHeader.TypeAndLength32Size);
        return frame;
    }

    public static byte[] Concat(IEnumerable<byte[]> parts) => parts.SelectMany(p => p).ToArray();

    public static ConnectionV4 Connection(ulong id) => new(
        id, 4242, Direction.Outbound, IpProtocol.Tcp, new Ipv4Address(10, 0, 0, 1), new Ipv4Address(1, 1, 1, 1), 50000, 443, 4, new byte[] { 1, 2, 3, 4, 5 });

    public static ConnectionV6 ConnectionV6(ulong id) => new(
        id, 4343, Direction.Inbound, IpProtocol.Udp, Ipv6Address.Parse("fe80::1"), Ipv6Address.Parse("2001:db8::2"), 5353, 53, 3, new byte[] { 9, 8, 7 });

    /// <summary>
    /// A stream where every good frame sits between hostile ones: short and long declared lengths, unknown
    /// types, counts and lengths beyond the frame, invalid text, and a tail cut inside a frame.
    /// </summary>
    public static HostileStream Hostile()
    {
        var parts = new List<byte[]>();
        var good = new List<Info>();
        var rng = new Random(1234);
        for (var i = 0; i < 200; i++)
        {
            Info packet = (i % 4) switch
            {
                0 => Connection((ulong)i),
                1 => ConnectionV6((ulong)i),
                2 => new LogLine(Severity.Warning, $"line {i}"),
                _ => new ConnectionEndV4(7, Direction.Inbound, IpProtocol.Udp, new Ipv4Address(1, 2, 3, 4), new Ipv4Address(5, 6, 7, 8), 1, 2),
            };
            good.Add(packet);
            parts.Add(Info.EncodeFrame(packet));
            parts.Add((i % 6) switch
            {
                0 => Raw(3, 10, new byte[10]),                                         // declared shorter than the fields
                1 => Raw((byte)(100 + rng.Next(100)), 7, new byte[] { 1, 2, 3, 4, 5, 6, 7 }), // unknown type
                2 => Raw(5, 9, new byte[] { 6, 0xFF, 0xFF, 0, 0, 1, 2, 3, 4 }),       // count beyond the frame
                3 => Raw(0, 3, new byte[] { 3, 0xC3, 0x28 }),                         // invalid UTF-8
                4 => Raw(99, 0, Array.Empty<byte>()),                                 // unknown type, empty body
                _ => LongerThanItsFields(packet),                                      // extra bytes, skipped: a packet
            });
            if (i % 6 == 5)
            {
                good.Add(packet);
            }
        }

        // The tail: a header that declares more than follows.
        parts.Add(Raw(1, 200, new byte[17]));
        return new HostileStream(Concat(parts), good);
    }

    private static byte[] LongerThanItsFields(Info packet)
    {
        var frame = Info.EncodeFrame(packet);
        var body = frame.AsSpan(FrameHeader.TypeAndLength32Size).ToArray().Concat(new byte[] { 0xEE, 0xEE, 0xEE }).ToArray();
        return Raw(frame[0], (uint)body.Length, body);
    }
}

/// <summary>A hostile stream and the packets in it that a reader must not lose.</summary>
internal sealed record HostileStream(byte[] Bytes, IReadOnlyList<Info> GoodPackets);
