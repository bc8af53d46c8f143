using System;
using System.Globalization;
using System.Linq;
using ProtocolGen.Samples.Pcap;
using ProtocolGen.Wire;

namespace ProtocolGen.Pcap.Tests;

/// <summary>IPv4 (with its options) and IPv6, as tshark's <c>ip</c> and <c>ipv6</c> layers.</summary>
internal static partial class TsharkMapping
{
    private const int Ipv4ChecksumOffset = 10;

    private static void Ipv4(TsharkTree tree, Ipv4Packet ip, ReadOnlySpan<byte> capturedHeader)
    {
        tree.Add("ip.version", ip.Version)
            .Add("ip.hdr_len", ip.HeaderLength * 4)
            .Add("ip.dsfield", Hex8(ip.Dscp << 2 | ip.Ecn));
        tree.Tree("ip.dsfield_tree").Add("ip.dsfield.dscp", ip.Dscp).Add("ip.dsfield.ecn", ip.Ecn);
        tree.Add("ip.len", ip.TotalLength)
            .Add("ip.id", Hex16(ip.Identification))
            .Add("ip.flags", Hex8((ip.ReservedFlag ? 4 : 0) | (ip.DontFragment ? 2 : 0) | (ip.MoreFragments ? 1 : 0)));
        tree.Tree("ip.flags_tree").Add("ip.flags.rb", ip.ReservedFlag).Add("ip.flags.df", ip.DontFragment).Add("ip.flags.mf", ip.MoreFragments);

        // tshark's ip.frag_offset is the field itself, in 8-byte units (fragments.pcap: 60 for 480 bytes in).
        var calculated = ChecksumOf(capturedHeader, Ipv4ChecksumOffset, seed: 0);
        tree.Add("ip.frag_offset", ip.FragmentOffset)
            .Add("ip.ttl", ip.TimeToLive)
            .Add("ip.proto", (byte)ip.Protocol)
            .Add("ip.checksum", Hex16(ip.HeaderChecksum))
            .Add("ip.checksum.status", calculated == ip.HeaderChecksum)
            .Add("ip.checksum_calculated", Hex16(calculated))
            .Add("ip.src", ip.Source.ToString())
            .Add("ip.addr", ip.Source.ToString())
            .Add("ip.addr", ip.Destination.ToString())
            .Add("ip.dst", ip.Destination.ToString());
        if (!ip.Options.IsEmpty)
        {
            Ipv4Options(tree, ip.Options);
        }
    }

    // tshark puts the options under a label naming them ("Options: (12 bytes), Record Route"), one subtree each.
    private static void Ipv4Options(TsharkTree ip, ReadOnlyMemory<byte> bytes)
    {
        var options = Samples.Pcap.Ipv4Options.Read(bytes);
        var names = options.Select(OptionLabel).Where(n => n.Length > 0);
        var tree = ip.Tree($"Options: ({bytes.Length} bytes), {string.Join(", ", names)}");
        foreach (var option in options)
        {
            switch (option)
            {
                case Ipv4EndOfOptions end:
                    OptionType(tree.Add("ip.options.eol", TsharkTree.Hex([end.Type])).Tree("ip.options.eol_tree"), end.Type);
                    break;
                case Ipv4NoOperation nop:
                    OptionType(tree.Add("ip.options.nop", TsharkTree.Hex([nop.Type])).Tree("ip.options.nop_tree"), nop.Type);
                    break;
                case Ipv4RecordRoute route:
                    tree.Add("ip.options.record_route", TsharkTree.Hex(WireCodec.ToArray(route)));
                    var routeTree = tree.Tree("ip.options.record_route_tree");
                    OptionType(routeTree, route.Type);
                    routeTree.Add("ip.opt.len", route.Length).Add("ip.opt.ptr", route.Pointer);
                    for (var slot = 0; slot < route.Route.Length; slot++)
                    {
                        // The pointer is the 1-based offset of the first free slot; slots before it hold a hop.
                        var recorded = 4 + (4 * slot) < route.Pointer;
                        routeTree.Add(recorded ? "ip.rec_rt" : "ip.empty_rt", route.Route[slot].ToString());
                    }

                    break;
                case Ipv4Timestamp stamps:
                    tree.Add("ip.options.timestamp", TsharkTree.Hex(WireCodec.ToArray(stamps)));
                    var stampTree = tree.Tree("ip.options.timestamp_tree");
                    OptionType(stampTree, stamps.Type);
                    stampTree.Add("ip.opt.len", stamps.Length)
                        .Add("ip.opt.ptr", stamps.Pointer)
                        .Add("ip.opt.overflow", stamps.Overflow)
                        .Add("ip.opt.flag", Hex8(stamps.Flag));
                    foreach (var slot in stamps.Slots)
                    {
                        stampTree.Add("ip.opt.time_stamp", slot);
                    }

                    break;
            }
        }
    }

    private static string OptionLabel(IIpv4Option option) => option switch
    {
        Ipv4RecordRoute => "Record Route",
        Ipv4Timestamp => "Time Stamp",
        _ => string.Empty,
    };

    // An option type is a copy bit, a 2-bit class and a 5-bit number.
    private static void OptionType(TsharkTree tree, byte type)
    {
        tree.Add("ip.opt.type", type);
        tree.Tree("ip.opt.type_tree")
            .Add("ip.opt.type.copy", type >> 7)
            .Add("ip.opt.type.class", (type >> 5) & 0b11)
            .Add("ip.opt.type.number", type & 0b1_1111);
    }

    private static void Ipv6(TsharkTree tree, Ipv6Packet ip)
    {
        tree.Add("ipv6.version", ip.Version)
            .Add("ip.version", ip.Version)
            .Add("ipv6.tclass", string.Create(CultureInfo.InvariantCulture, $"0x{ip.Dscp << 2 | ip.Ecn:x8}"));
        tree.Tree("ipv6.tclass_tree").Add("ipv6.tclass.dscp", ip.Dscp).Add("ipv6.tclass.ecn", ip.Ecn);
        tree.Add("ipv6.flow", string.Create(CultureInfo.InvariantCulture, $"0x{ip.FlowLabel:x6}"))
            .Add("ipv6.plen", ip.PayloadLength)
            .Add("ipv6.nxt", (byte)ip.NextHeader)
            .Add("ipv6.hlim", ip.HopLimit)
            .Add("ipv6.src", ip.Source.ToString())
            .Add("ipv6.addr", ip.Source.ToString())
            .Add("ipv6.addr", ip.Destination.ToString())
            .Add("ipv6.dst", ip.Destination.ToString());
    }

    // What tshark computes: the Internet checksum of the captured bytes with the checksum field zeroed.
    private static ushort ChecksumOf(ReadOnlySpan<byte> captured, int checksumOffset, ulong seed)
    {
        var bytes = captured.ToArray();
        bytes[checksumOffset] = bytes[checksumOffset + 1] = 0;
        return Checksums.Internet(bytes, seed);
    }
}
