using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using ProtocolGen.Wire;

namespace ProtocolGen.Samples.Pcap;

/// <summary>The options of a <see cref="TcpSegment"/>: each read by the record for its kind byte, an unknown kind by <see cref="UnknownTcpOption"/>.</summary>
public static class TcpOptions
{
    /// <summary>The options in <paramref name="options"/> (a <see cref="TcpSegment.Options"/>), which its reader already checked.</summary>
    public static ImmutableArray<ITcpOption> Read(ReadOnlyMemory<byte> options) => OptionList.Read<ITcpOption>(options.Span, ReadOne);

    /// <summary>Reads the options in <paramref name="options"/>; false with the first failure and its offset among them.</summary>
    public static bool TryRead(ReadOnlySpan<byte> options, out ImmutableArray<ITcpOption> items, out ProtocolErrorKind fault, out int faultOffset) =>
        OptionList.TryRead<ITcpOption>(options, ReadOne, out items, out fault, out faultOffset);

    /// <summary>Checks the options in <paramref name="options"/> without building them; false with the first failure and its offset among them.</summary>
    public static bool TryCheck(ReadOnlySpan<byte> options, out ProtocolErrorKind fault, out int faultOffset) =>
        OptionList.TryCheck<ITcpOption>(options, CheckOne, ReadOne, out fault, out faultOffset);

    // The views' checks are the records' readers' rules, with no record made.
    private static int CheckOne(byte kind, ReadOnlySpan<byte> bytes) => kind switch
    {
        0 => TcpEndOfOptions.View.TryCreate(bytes, out var end, out _) ? end.WireLength : -1,
        1 => TcpNoOperation.View.TryCreate(bytes, out var nop, out _) ? nop.WireLength : -1,
        2 => TcpMaximumSegmentSize.View.TryCreate(bytes, out var mss, out _) ? mss.WireLength : -1,
        3 => TcpWindowScale.View.TryCreate(bytes, out var scale, out _) ? scale.WireLength : -1,
        4 => TcpSackPermitted.View.TryCreate(bytes, out var permitted, out _) ? permitted.WireLength : -1,
        5 => TcpSack.View.TryCreate(bytes, out var sack, out _) ? sack.WireLength : -1,
        8 => TcpTimestamps.View.TryCreate(bytes, out var stamps, out _) ? stamps.WireLength : -1,
        _ => UnknownTcpOption.View.TryCreate(bytes, out var other, out _) ? other.WireLength : -1,
    };

    private static bool ReadOne(byte kind, ref WireReader reader, [MaybeNullWhen(false)] out ITcpOption option) => kind switch
    {
        0 => OptionList.TryRead<TcpEndOfOptions, ITcpOption>(ref reader, out option),
        1 => OptionList.TryRead<TcpNoOperation, ITcpOption>(ref reader, out option),
        2 => OptionList.TryRead<TcpMaximumSegmentSize, ITcpOption>(ref reader, out option),
        3 => OptionList.TryRead<TcpWindowScale, ITcpOption>(ref reader, out option),
        4 => OptionList.TryRead<TcpSackPermitted, ITcpOption>(ref reader, out option),
        5 => OptionList.TryRead<TcpSack, ITcpOption>(ref reader, out option),
        8 => OptionList.TryRead<TcpTimestamps, ITcpOption>(ref reader, out option),
        _ => OptionList.TryRead<UnknownTcpOption, ITcpOption>(ref reader, out option),
    };
}
