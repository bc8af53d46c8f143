using System;
using System.Text;
using ProtocolGen.Samples.Pcap;
using ProtocolGen.Wire;

namespace ProtocolGen.Pcap.Tests;

/// <summary>TCP (with its options), UDP and the bytes they carry, as tshark's <c>tcp</c>, <c>udp</c> and <c>data</c> layers.</summary>
internal static partial class TsharkMapping
{
    private const int TcpChecksumOffset = 16;
    private const int UdpChecksumOffset = 6;

    // tshark's flags text: a letter per set bit of the 12, from the reserved bits down to FIN, a middle dot per clear one.
    private const string FlagLetters = "RRRACEUAPRSF";

    private static void Tcp(TsharkTree tree, TcpSegment tcp, IIpPacket ip, ReadOnlySpan<byte> segment)
    {
        var flags = tcp.Reserved << 9 | Bit(tcp.AccurateEcn, 8) | Bit(tcp.Cwr, 7) | Bit(tcp.Ece, 6) | Bit(tcp.Urgent, 5)
            | Bit(tcp.Ack, 4) | Bit(tcp.Push, 3) | Bit(tcp.Reset, 2) | Bit(tcp.Syn, 1) | Bit(tcp.Fin, 0);
        tree.Add("tcp.srcport", tcp.SourcePort)
            .Add("tcp.dstport", tcp.DestinationPort)
            .Add("tcp.port", tcp.SourcePort)
            .Add("tcp.port", tcp.DestinationPort)
            .Add("tcp.len", tcp.Data.Length)
            .Add("tcp.seq_raw", tcp.SequenceNumber)
            .Add("tcp.ack_raw", tcp.AcknowledgmentNumber)
            .Add("tcp.hdr_len", tcp.DataOffset * 4)
            .Add("tcp.flags", Hex16(flags));
        tree.Tree("tcp.flags_tree")
            .Add("tcp.flags.res", tcp.Reserved)
            .Add("tcp.flags.ae", tcp.AccurateEcn)
            .Add("tcp.flags.cwr", tcp.Cwr)
            .Add("tcp.flags.ece", tcp.Ece)
            .Add("tcp.flags.urg", tcp.Urgent)
            .Add("tcp.flags.ack", tcp.Ack)
            .Add("tcp.flags.push", tcp.Push)
            .Add("tcp.flags.reset", tcp.Reset)
            .Add("tcp.flags.syn", tcp.Syn)
            .Add("tcp.flags.fin", tcp.Fin)
            .Add("tcp.flags.str", FlagText(flags));

        var calculated = ChecksumOf(segment, TcpChecksumOffset, ip.PseudoHeaderSum(segment.Length));
        tree.Add("tcp.window_size_value", tcp.Window)
            .Add("tcp.checksum", Hex16(tcp.Checksum))
            .Add("tcp.checksum.status", calculated == tcp.Checksum)
            .Add("tcp.checksum_calculated", Hex16(calculated))
            .Add("tcp.urgent_pointer", tcp.UrgentPointer);
        if (!tcp.Options.IsEmpty)
        {
            tree.Add("tcp.options", TsharkTree.Hex(tcp.Options.Span));
            TcpOptions(tree.Tree("tcp.options_tree"), tcp.Options);
        }

        if (!tcp.Data.IsEmpty)
        {
            tree.Add("tcp.payload", TsharkTree.Hex(tcp.Data.Span));
        }
    }

    // Each option is its bytes in hex under its name, and a subtree of its kind, length and values.
    private static void TcpOptions(TsharkTree tree, ReadOnlyMemory<byte> bytes)
    {
        foreach (var option in Samples.Pcap.TcpOptions.Read(bytes))
        {
            var hex = TsharkTree.Hex(WireCodec.ToArray(option));
            switch (option)
            {
                case TcpNoOperation nop:
                    tree.Add("tcp.options.nop", hex).Tree("tcp.options.nop_tree").Add("tcp.option_kind", nop.Kind);
                    break;
                case TcpEndOfOptions end:
                    tree.Add("tcp.options.eol", TsharkTree.Hex([end.Kind])).Tree("tcp.options.eol_tree").Add("tcp.option_kind", end.Kind);
                    break;
                case TcpMaximumSegmentSize mss:
                    tree.Add("tcp.options.mss", hex).Tree("tcp.options.mss_tree")
                        .Add("tcp.option_kind", mss.Kind).Add("tcp.option_len", mss.Length).Add("tcp.options.mss_val", mss.Value);
                    break;
                case TcpSackPermitted sackPermitted:
                    tree.Add("tcp.options.sack_perm", hex).Tree("tcp.options.sack_perm_tree")
                        .Add("tcp.option_kind", sackPermitted.Kind).Add("tcp.option_len", sackPermitted.Length);
                    break;
                case TcpTimestamps stamps:
                    tree.Add("tcp.options.timestamp", hex).Tree("tcp.options.timestamp_tree")
                        .Add("tcp.option_kind", stamps.Kind).Add("tcp.option_len", stamps.Length)
                        .Add("tcp.options.timestamp.tsval", stamps.Value).Add("tcp.options.timestamp.tsecr", stamps.EchoReply);
                    break;
                case TcpWindowScale scale:
                    tree.Add("tcp.options.wscale", hex).Tree("tcp.options.wscale_tree")
                        .Add("tcp.option_kind", scale.Kind).Add("tcp.option_len", scale.Length)
                        .Add("tcp.options.wscale.shift", scale.Shift).Add("tcp.options.wscale.multiplier", 1L << scale.Shift);
                    break;
            }
        }
    }

    private static void Udp(TsharkTree tree, UdpDatagram udp, IIpPacket ip, ReadOnlySpan<byte> segment)
    {
        var calculated = ChecksumOf(segment, UdpChecksumOffset, ip.PseudoHeaderSum(segment.Length));
        tree.Add("udp.srcport", udp.SourcePort)
            .Add("udp.dstport", udp.DestinationPort)
            .Add("udp.port", udp.SourcePort)
            .Add("udp.port", udp.DestinationPort)
            .Add("udp.length", udp.Length)
            .Add("udp.checksum", Hex16(udp.Checksum))
            .Add("udp.checksum.status", calculated == udp.Checksum);
        tree.Tree("udp.checksum_tree").Add("udp.checksum_calculated", Hex16(calculated));
        if (!udp.Payload.IsEmpty)
        {
            tree.Add("udp.payload", TsharkTree.Hex(udp.Payload.Span));
        }
    }

    // tshark's "data" layer: the bytes a transport segment carries, when there are any.
    private static void Data(TsharkTree layers, ReadOnlyMemory<byte> payload)
    {
        if (!payload.IsEmpty)
        {
            layers.Tree("data").Add("data.data", TsharkTree.Hex(payload.Span)).Add("data.len", payload.Length);
        }
    }

    private static int Bit(bool set, int position) => set ? 1 << position : 0;

    private static string FlagText(int flags)
    {
        var text = new StringBuilder(FlagLetters.Length);
        for (var i = 0; i < FlagLetters.Length; i++)
        {
            text.Append((flags >> (FlagLetters.Length - 1 - i) & 1) != 0 ? FlagLetters[i] : '\u00b7');
        }

        return text.ToString();
    }
}
