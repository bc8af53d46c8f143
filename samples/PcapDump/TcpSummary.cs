using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ProtocolGen.Samples.Pcap;

namespace ProtocolGen.Samples.PcapDump;

/// <summary>
/// A TCP segment as tshark's info column shows it: ports, flags, sequence and acknowledgement numbers, window,
/// data length and options. Sequence numbers and the window are the segment's own (tshark shows them relative to
/// the connection's first and scaled by its window scale, which takes state across frames).
/// </summary>
public static class TcpSummary
{
    /// <summary>The info text of <paramref name="tcp"/>.</summary>
    public static string Format(TcpSegment tcp)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{tcp.SourcePort} → {tcp.DestinationPort} [{string.Join(", ", FlagNames(tcp))}] Seq={tcp.SequenceNumber}");
        if (tcp.Ack)
        {
            text.Append(CultureInfo.InvariantCulture, $" Ack={tcp.AcknowledgmentNumber}");
        }

        text.Append(CultureInfo.InvariantCulture, $" Win={tcp.Window} Len={tcp.Data.Length}");
        foreach (var option in TcpOptions.Read(tcp.Options))
        {
            var shown = Describe(option);
            if (shown.Length > 0)
            {
                text.Append(' ').Append(shown);
            }
        }

        return text.ToString();
    }

    // tshark's order: from the lowest bit (FIN) up.
    private static IEnumerable<string> FlagNames(TcpSegment tcp)
    {
        (bool Set, string Name)[] flags =
        [
            (tcp.Fin, "FIN"), (tcp.Syn, "SYN"), (tcp.Reset, "RST"), (tcp.Push, "PSH"), (tcp.Ack, "ACK"),
            (tcp.Urgent, "URG"), (tcp.Ece, "ECE"), (tcp.Cwr, "CWR"), (tcp.AccurateEcn, "AE"),
        ];
        foreach (var (set, name) in flags)
        {
            if (set)
            {
                yield return name;
            }
        }
    }

    private static string Describe(ITcpOption option) => option switch
    {
        TcpMaximumSegmentSize mss => string.Create(CultureInfo.InvariantCulture, $"MSS={mss.Value}"),
        TcpSackPermitted => "SACK_PERM",
        TcpTimestamps stamps => string.Create(CultureInfo.InvariantCulture, $"TSval={stamps.Value} TSecr={stamps.EchoReply}"),
        TcpWindowScale scale => string.Create(CultureInfo.InvariantCulture, $"WS={1 << scale.Shift}"),
        TcpSack sack => string.Join(" ", sack.Blocks.Select(b => string.Create(CultureInfo.InvariantCulture, $"SLE={b.Left} SRE={b.Right}"))),
        _ => string.Empty,
    };
}
