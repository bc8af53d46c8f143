using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using ProtocolGen.Tests.Shared;
using ProtocolGen.Wire;
using Xunit;

namespace ProtocolGen.Tests.Wire;

/// <summary>
/// <see cref="Checksums"/> on the loopback capture in testdata/pcap: every IPv4 header checksum and every TCP and
/// UDP checksum, with its pseudo-header, is the one Wireshark reports and validates in loopback.tshark.json.
/// </summary>
public sealed class ChecksumCaptureTests
{
    private const int Ethernet = 14;

    private static readonly byte[][] Frames = ReadFrames(TestData.Read("pcap/loopback.pcap"));

    private static readonly JsonElement[] Layers = JsonDocument.Parse(TestData.Read("pcap/loopback.tshark.json")).RootElement
        .EnumerateArray().Select(packet => packet.GetProperty("_source").GetProperty("layers")).ToArray();

    [Fact]
    public void The_capture_has_a_dissection_per_frame_with_IPv4_IPv6_TCP_and_UDP()
    {
        Assert.Equal(37, Frames.Length);
        Assert.Equal(Frames.Length, Layers.Length);
        Assert.Contains(Layers, l => l.TryGetProperty("ipv6", out _));
        Assert.Contains(Layers, l => l.TryGetProperty("ip", out _) && l.TryGetProperty("udp", out _));
        Assert.Contains(Layers, l => l.TryGetProperty("ip", out var ip) && ip.GetProperty("ip.hdr_len").GetString() != "20");
    }

    [Fact]
    public void IPv4_header_checksum_of_every_frame_is_the_one_tshark_reports_and_verifies_to_zero()
    {
        var checkedFrames = 0;
        for (var i = 0; i < Frames.Length; i++)
        {
            if (!Layers[i].TryGetProperty("ip", out var ip))
            {
                continue;
            }

            Assert.Equal("1", ip.GetProperty("ip.checksum.status").GetString()); // tshark: good
            var header = Frames[i].AsSpan(Ethernet, (Frames[i][Ethernet] & 0x0F) * 4).ToArray();
            Assert.Equal(0, Checksums.Internet(header));

            header[10] = header[11] = 0;
            Assert.Equal(Hex(ip, "ip.checksum"), Checksums.Internet(header));
            checkedFrames++;
        }

        Assert.True(checkedFrames >= 20, $"{checkedFrames} IPv4 frames");
    }

    [Fact]
    public void TCP_and_UDP_checksums_with_their_pseudo_headers_are_the_ones_tshark_reports()
    {
        var seen = new HashSet<string>();
        for (var i = 0; i < Frames.Length; i++)
        {
            var frame = Frames[i];
            var l4 = Transport(frame, out var source, out var destination, out var protocol);
            var layer = Layers[i].GetProperty(protocol == 6 ? "tcp" : "udp");
            var field = protocol == 6 ? 16 : 6;
            var pseudo = Checksums.PseudoHeader(source, destination, protocol, l4.Length);

            // As received, the sum includes the checksum: 0 means it verifies.
            Assert.Equal(0, Checksums.Internet(l4, pseudo));

            // Computed with the field zeroed, it is the value tshark shows (UDP sends a computed 0 as ffff).
            var zeroed = l4.ToArray();
            zeroed[field] = zeroed[field + 1] = 0;
            var computed = Checksums.Internet(zeroed, pseudo);
            var expected = Hex(layer, protocol == 6 ? "tcp.checksum" : "udp.checksum");
            Assert.Equal(expected, protocol == 17 && computed == 0 ? (ushort)0xFFFF : computed);
            Assert.Equal(BinaryPrimitives.ReadUInt16BigEndian(l4[field..]), expected);
            seen.Add($"{(source.Length == 4 ? "v4" : "v6")}/{protocol}");
        }

        Assert.Equal(new[] { "v4/17", "v4/6", "v6/17", "v6/6" }, seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Pseudo_header_sum_equals_the_capture_script_s_pseudo_header_bytes_on_frames_1_11_31_and_35()
    {
        foreach (var number in new[] { 1, 11, 31, 35 })
        {
            var frame = Frames[number - 1];
            var l4 = Transport(frame, out var source, out var destination, out var protocol);
            // make-captures.sh: struct.pack("!BBH", 0, proto, l4len) after IPv4's addresses, "!IxxxB" after IPv6's.
            var tail = new byte[source.Length == 4 ? 4 : 8];
            if (source.Length == 4)
            {
                tail[1] = protocol;
                BinaryPrimitives.WriteUInt16BigEndian(tail.AsSpan(2), (ushort)l4.Length);
            }
            else
            {
                BinaryPrimitives.WriteUInt32BigEndian(tail, (uint)l4.Length);
                tail[7] = protocol;
            }

            byte[] pseudoHeader = [.. source, .. destination, .. tail];
            Assert.Equal(ChecksumTests.Reference(pseudoHeader, 0), Checksums.Internet([], Checksums.PseudoHeader(source, destination, protocol, l4.Length)));
        }
    }

    // The TCP segment or UDP datagram of an Ethernet frame, with its IP addresses and protocol.
    private static ReadOnlySpan<byte> Transport(byte[] frame, out byte[] source, out byte[] destination, out byte protocol)
    {
        var ip = frame.AsSpan(Ethernet);
        if (BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(12)) == 0x0800)
        {
            var headerLength = (ip[0] & 0x0F) * 4;
            (source, destination, protocol) = (ip[12..16].ToArray(), ip[16..20].ToArray(), ip[9]);
            return ip[headerLength..BinaryPrimitives.ReadUInt16BigEndian(ip[2..])];
        }

        (source, destination, protocol) = (ip[8..24].ToArray(), ip[24..40].ToArray(), ip[6]);
        return ip.Slice(40, BinaryPrimitives.ReadUInt16BigEndian(ip[4..]));
    }

    private static ushort Hex(JsonElement layer, string name) =>
        ushort.Parse(layer.GetProperty(name).GetString()!.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    // Classic little-endian pcap: a 24-byte file header, then per packet 16 bytes (seconds, microseconds,
    // captured length, original length) and the captured bytes.
    private static byte[][] ReadFrames(byte[] pcap)
    {
        Assert.Equal(0xA1B2C3D4u, BinaryPrimitives.ReadUInt32LittleEndian(pcap));
        var frames = new List<byte[]>();
        for (var at = 24; at < pcap.Length;)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(pcap.AsSpan(at + 8));
            frames.Add(pcap.AsSpan(at + 16, length).ToArray());
            at += 16 + length;
        }

        return frames.ToArray();
    }
}
