using System;
using System.Linq;
using ProtocolGen.Benchmarks.Schema;

namespace ProtocolGen.Benchmarks.Data;

/// <summary>
/// The records of the new-kind rows (bit groups, constants, checksums, C text): <see cref="Samples.PerOperation"/>
/// of one kind per operation, from a fixed seed, with values that vary from record to record. Checksums are real:
/// each record is encoded and read back, so it holds the checksum its bytes carry.
/// </summary>
public static class NewKindSamples
{
    /// <summary>The new-kind rows, as <c>[Params]</c> values.</summary>
    public const string Ipv4 = "IPv4 header (bits, fixed, reserved, checksum)";
    public const string Tcp = "TCP header (bits, reserved, checksum)";
    public const string Device = "char[16] + C string (magic, fixed)";
    public const string Switched = "link > IPv4 > UDP ([Switch], window, pseudo-header)";
    public const string Conditional = "header with 4 optional members ([PresentWhen])";
    public const string Framed = "frames of a [FrameHeader] union (magic, u16 type, whole-frame length)";

    private static readonly string[] Models = ["PG-1", "Sensor X2", "Überwachung 3", "Gateway-Mini", "東京 unit", "RTU", "Edge node 17", "Zählwerk"];

    private static readonly string[] Places = ["rack 4, row B", "Zürich, Halle 2", "東京都千代田区", "basement", "north tower / floor 12 / closet 3", "Kraków", "lab", "São Paulo DC-1"];

    public static Ipv4Header[] Ipv4Headers()
    {
        var random = new Random(12);
        return Enumerable.Range(0, Samples.PerOperation).Select(i => Ipv4Header.ReadFrom(WireCodec.ToArray(NewIpv4(random, i)))).ToArray();
    }

    public static TcpHeader[] TcpHeaders()
    {
        var random = new Random(13);
        return Enumerable.Range(0, Samples.PerOperation).Select(i => TcpHeader.ReadFrom(WireCodec.ToArray(NewTcp(random, i)))).ToArray();
    }

    public static DeviceRecord[] Devices()
    {
        var random = new Random(14);
        return Enumerable.Range(0, Samples.PerOperation).Select(i => DeviceRecord.ReadFrom(WireCodec.ToArray(NewDevice(random, i)))).ToArray();
    }

    public static LinkFrame[] SwitchedFrames()
    {
        var random = new Random(15);
        return Enumerable.Range(0, Samples.PerOperation).Select(i => LinkFrame.ReadFrom(WireCodec.ToArray(NewSwitched(random, i)))).ToArray();
    }

    public static OptionalHeader[] OptionalHeaders()
    {
        var random = new Random(16);
        return Enumerable.Range(0, Samples.PerOperation).Select(i => NewOptional(random, i)).ToArray();
    }

    /// <summary>The records back to back, as the generated writer encodes them.</summary>
    /// <summary>Readings and heartbeats, 3 to 1, each a frame of the bus union.</summary>
    public static BusFrame[] BusFrames()
    {
        var random = new Random(17);
        return Enumerable.Range(0, Samples.PerOperation)
            .Select(i => i % 4 == 3
                ? (BusFrame)new BusHeartbeat((uint)i)
                : new BusReading((ushort)random.Next(65536), random.Next(int.MinValue, int.MaxValue), (uint)(1_700_000_000 + i)))
            .ToArray();
    }

    /// <summary>The frames of <paramref name="frames"/>, back to back.</summary>
    public static byte[] EncodeFrames(BusFrame[] frames) => frames.SelectMany(BusFrame.EncodeFrame).ToArray();

    public static byte[] Encode<T>(T[] records)
        where T : IWireWritable => records.SelectMany(r => WireCodec.ToArray(r)).ToArray();

    private static Ipv4Header NewIpv4(Random random, int i) => new(
        4, 5, (byte)random.Next(64), (byte)(i & 3), (ushort)(20 + random.Next(1480)), (ushort)random.Next(65536),
        false, (i & 1) == 0, (i & 6) == 2, (ushort)random.Next(8192), (byte)(1 + random.Next(255)),
        (i % 3) switch { 0 => IpProtocol.Tcp, 1 => IpProtocol.Udp, _ => IpProtocol.Icmp }, 0,
        new Ipv4Address(10, (byte)(i >> 8), (byte)i, (byte)random.Next(256)), new Ipv4Address(93, 184, (byte)random.Next(256), (byte)(i * 3)));

    private static TcpHeader NewTcp(Random random, int i) => new(
        (ushort)(49152 + random.Next(16384)), (ushort)((i & 1) == 0 ? 443 : 80), (uint)random.NextInt64(1L << 32), (uint)random.NextInt64(1L << 32),
        5, (byte)(i % 17 == 0 ? 5 : 0), (i & 128) != 0, (i & 64) != 0, (i & 32) != 0, (i & 16) != 0, (i & 8) != 0, (i & 4) != 0, (i & 2) != 0, (i & 1) != 0, (i % 5) == 0,
        (ushort)random.Next(65536), 0, (ushort)((i & 16) != 0 ? random.Next(65536) : 0));

    private static LinkFrame NewSwitched(Random random, int i)
    {
        var data = new byte[random.Next(65)];
        random.NextBytes(data);
        var datagram = new RoutedUdp((ushort)(49152 + random.Next(16384)), (ushort)((i & 1) == 0 ? 53 : 5353), 0, 0, data);
        return new LinkFrame(LinkKind.Ipv4, new RoutedIpv4(
            4, 5, (byte)random.Next(256), 0, (ushort)random.Next(65536), (ushort)((i & 1) << 14), (byte)(1 + random.Next(255)), IpProtocol.Udp, 0,
            new Ipv4Address(10, (byte)(i >> 8), (byte)i, (byte)random.Next(256)), new Ipv4Address(192, 168, (byte)random.Next(256), (byte)(i * 3)), datagram));
    }

    // Every kind, with and without the flagged address, so each member is present in some records and absent in others.
    private static OptionalHeader NewOptional(Random random, int i)
    {
        var kind = (MessageKind)(1 + i % 4);
        var flags = (byte)((i / 4) & 1);
        return new OptionalHeader(
            kind,
            flags,
            kind is MessageKind.Data or MessageKind.Ack ? (uint)random.NextInt64(1L << 32) : null,
            kind != MessageKind.Close ? (ushort)random.Next(65536) : null,
            flags == 1 ? new Ipv4Address(10, 0, (byte)(i >> 8), (byte)i) : null,
            kind == MessageKind.Ack ? new AckSpan((uint)i, (uint)(i + random.Next(1000))) : null,
            (uint)(1_700_000_000 + i));
    }

    private static DeviceRecord NewDevice(Random random, int i) => new(
        1, (ushort)random.Next(65536), (uint)(100_000 + i * 7), Models[i % Models.Length] + (i % 3 == 0 ? string.Empty : $"#{i % 10}"),
        Places[random.Next(Places.Length)] + $" #{i}", (uint)(1_700_000_000 + i * 60));
}
