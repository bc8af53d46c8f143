namespace ProtocolGen.Benchmarks.Harness;

/// <summary>
/// The rows of the ratio table, as <c>[BenchmarkCategory]</c> names. Every variant of a row, in any class, is
/// compared with the row's baselines; a class in a new file joins a row by naming it here or by its own
/// category (which then gets a row of its own, after these).
/// </summary>
public static class Rows
{
    public const string DecodeUpstreamCapture = "decode upstream info capture";
    public const string DecodeLogCapture = "decode UTF-8 log capture";
    public const string DecodePerKind = "decode";
    public const string EncodePerKind = "encode";
    public const string DecodeNewKinds = "decode new kinds";
    public const string EncodeNewKinds = "encode new kinds";
    public const string DecodePcap = "decode pcap";
    public const string EncodePcap = "encode pcap";
    public const string CommandIntoSpan = "command encode into span";
    public const string CommandToArray = "command encode to array";
    public const string HandlerUpstreamCapture = "handler, upstream capture";
    public const string HandlerLogCapture = "handler, UTF-8 log capture";
    public const string PipeVsSpan = "stream through Pipe vs span";

    /// <summary>Table order.</summary>
    public static readonly string[] Order =
    [
        DecodeUpstreamCapture, DecodeLogCapture, DecodePerKind, EncodePerKind, DecodeNewKinds, EncodeNewKinds, DecodePcap, EncodePcap, CommandIntoSpan, CommandToArray,
        HandlerUpstreamCapture, HandlerLogCapture, PipeVsSpan,
    ];
}
