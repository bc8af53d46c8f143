using System;
using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Benchmarks.Data;

/// <summary>The two whole captures every decode and handler row reads, built once per process.</summary>
public static class Captures
{
    /// <summary>Frames in <see cref="Upstream"/>: 1,000 good ones after one deliberately bad one.</summary>
    public const int UpstreamFrames = 1001;

    /// <summary>Frames in <see cref="Logs"/>.</summary>
    public const int LogFrames = 2000;

    private static readonly Lazy<byte[]> s_upstream = new(() => TestData.Read("rust_info_test.bin"));
    private static readonly Lazy<byte[]> s_logs = new(BuildLogs);

    /// <summary>The upstream driver's test capture; its first frame (a ConnectionV6 body typed ConnectionV4) is bad.</summary>
    public static byte[] Upstream => s_upstream.Value;

    /// <summary>
    /// <see cref="LogFrames"/> frames of mixed kinds, half of them log lines of 100 to 500 bytes of random
    /// multi-byte UTF-8 (Latin, Cyrillic, CJK, emoji among ASCII words), encoded by ProtocolGen itself from a
    /// fixed seed so every run and every machine reads the same bytes.
    /// </summary>
    public static byte[] Logs => s_logs.Value;

    private static byte[] BuildLogs()
    {
        var random = new Random(8);
        var output = new ArrayBufferWriter<byte>(1 << 20);
        for (var i = 0; i < LogFrames; i++)
        {
            Info packet = (i % 2 == 0) ? RandomLogLine(random) : RandomOther(random, i);
            Info.EncodeFrame(packet, output);
        }

        return output.WrittenSpan.ToArray();
    }

    private static readonly string[] s_pieces =
    [
        "connection", "blocked", "allowed", "process", "verdict", "résumé", "Grüße", "straße", "naïve", "café",
        "соединение", "заблокировано", "процесс", "разрешено", "接続", "遮断されました", "进程", "允许", "连接已建立",
        "🔥", "🛡️", "✅", "❌", "🚀", "ok", "id=", "port", "→", "€", "—", "ß", "ø",
    ];

    private static LogLine RandomLogLine(Random random)
    {
        var target = random.Next(100, 501);
        var text = new StringBuilder();
        while (Encoding.UTF8.GetByteCount(text.ToString()) < target)
        {
            text.Append(s_pieces[random.Next(s_pieces.Length)]);
            text.Append(random.Next(4) == 0 ? random.Next(100000).ToString(System.Globalization.CultureInfo.InvariantCulture) : " ");
        }

        return new LogLine((Severity)random.Next(1, 8), text.ToString());
    }

    private static Info RandomOther(Random random, int i)
    {
        var payload = new byte[random.Next(0, 65)];
        random.NextBytes(payload);
        var v4a = new Ipv4Address((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
        var v4b = new Ipv4Address(10, 0, (byte)random.Next(256), (byte)random.Next(256));
        var v6a = RandomV6(random);
        var v6b = RandomV6(random);
        var direction = (Direction)random.Next(2);
        var protocol = random.Next(2) == 0 ? IpProtocol.Tcp : IpProtocol.Udp;
        var ports = ((ushort)random.Next(65536), (ushort)random.Next(65536));
        return random.Next(6) switch
        {
            0 => new ConnectionV4((ulong)i, (ulong)random.Next(), direction, protocol, v4a, v4b, ports.Item1, ports.Item2, 4, payload),
            1 => new ConnectionV6((ulong)i, (ulong)random.Next(), direction, protocol, v6a, v6b, ports.Item1, ports.Item2, 4, payload),
            2 => new ConnectionEndV4((ulong)random.Next(), direction, protocol, v4a, v4b, ports.Item1, ports.Item2),
            3 => new ConnectionEndV6((ulong)random.Next(), direction, protocol, v6a, v6b, ports.Item1, ports.Item2),
            4 => new BandwidthStatsV4(protocol, Repeat(random.Next(1, 11), _ => new BandwidthValueV4(v4a, ports.Item1, v4b, ports.Item2, (ulong)random.NextInt64(), (ulong)random.NextInt64()))),
            _ => new BandwidthStatsV6(protocol, Repeat(random.Next(1, 11), _ => new BandwidthValueV6(v6a, ports.Item1, v6b, ports.Item2, (ulong)random.NextInt64(), (ulong)random.NextInt64()))),
        };
    }

    private static Ipv6Address RandomV6(Random random)
    {
        Span<byte> bytes = stackalloc byte[Ipv6Address.Size];
        random.NextBytes(bytes);
        return new Ipv6Address(bytes);
    }

    private static ImmutableArray<T> Repeat<T>(int count, Func<int, T> make)
    {
        var builder = ImmutableArray.CreateBuilder<T>(count);
        for (var i = 0; i < count; i++)
        {
            builder.Add(make(i));
        }

        return builder.MoveToImmutable();
    }
}
