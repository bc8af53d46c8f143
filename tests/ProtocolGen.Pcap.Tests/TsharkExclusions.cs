using System;
using System.Linq;

namespace ProtocolGen.Pcap.Tests;

/// <summary>
/// The keys tshark writes that no decoded field gives, each with the reason. A key is excluded when it, or a subtree
/// holding it, matches a pattern (exact, or <c>*</c> at either end). Nothing a record holds is excluded: those are
/// all mapped (<see cref="TsharkMapping"/>), and a mapped key is compared even where a pattern would match it.
/// </summary>
internal static class TsharkExclusions
{
    public static readonly (string Pattern, string Reason)[] Keys =
    [
        ("frame.encap_type", "Wireshark's own encapsulation number (WTAP_ENCAP_ETHERNET), not a pcap field: the file says LINKTYPE_ETHERNET once, in its header"),
        ("frame.time", "frame.time_epoch as local calendar text: formatting, not another value"),
        ("frame.offset_shift", "a time shift the user applied in Wireshark (editcap -t), not in the file"),
        ("frame.marked", "Wireshark's user interface state, not in the file"),
        ("frame.ignored", "Wireshark's user interface state, not in the file"),
        ("*_resolved", "name resolution: Wireshark's manufacturer or host database, not the frame's bytes"),
        ("*_host", "name resolution: a DNS name where one resolves, not the frame's bytes"),
        ("ip.host", "name resolution: a DNS name where one resolves, not the frame's bytes"),
        ("ipv6.host", "name resolution: a DNS name where one resolves, not the frame's bytes"),
        ("tcp.stream", "the connection's index among the file's conversations: state across frames"),
        ("udp.stream", "the conversation's index among the file's conversations: state across frames"),
        ("tcp.completeness", "which stages of the connection the file holds: state across frames"),
        ("tcp.seq", "relative to the connection's first sequence number: state across frames (tcp.seq_raw is mapped)"),
        ("tcp.ack", "relative to the peer's first sequence number: state across frames (tcp.ack_raw is mapped)"),
        ("tcp.nxtseq", "the relative sequence number after this segment: state across frames"),
        ("tcp.window_size", "the window scaled by the shift the connection's SYN announced: state across frames (tcp.window_size_value is mapped)"),
        ("tcp.window_size_scalefactor", "the shift the connection's SYN announced: state across frames"),
        ("tcp.analysis", "Wireshark's analysis of the connection (acknowledged frames, round trips, bytes in flight): state across frames"),
        ("Timestamps", "time since the conversation's first and previous frames: state across frames"),
        ("_ws.expert", "Wireshark's expert notes on the frame (connection established, closing): commentary, not fields"),
    ];

    /// <summary>The reason <paramref name="path"/>'s key is not compared, or null when it must be mapped.</summary>
    public static string? ReasonFor(string path) =>
        path.Split('/').Select(StripIndex).SelectMany(key => Keys.Where(k => Matches(k.Pattern, key))).Select(k => k.Reason).FirstOrDefault();

    /// <summary>Whether <paramref name="pattern"/> excludes some key or subtree of <paramref name="path"/>.</summary>
    public static bool Excludes(string pattern, string path) => path.Split('/').Select(StripIndex).Any(key => Matches(pattern, key));

    private static bool Matches(string pattern, string key) => pattern switch
    {
        ['*', .. var suffix] => key.EndsWith(suffix, StringComparison.Ordinal),
        [.. var prefix, '*'] => key.StartsWith(prefix, StringComparison.Ordinal),
        _ => key == pattern,
    };

    private static string StripIndex(string key) => key.IndexOf('[', StringComparison.Ordinal) is var at and >= 0 ? key[..at] : key;
}
