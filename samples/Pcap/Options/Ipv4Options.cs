using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using ProtocolGen.Wire;

namespace ProtocolGen.Samples.Pcap;

/// <summary>The options of an <see cref="Ipv4Packet"/>: each read by the record for its type byte, an unknown type by <see cref="UnknownIpv4Option"/>.</summary>
public static class Ipv4Options
{
    /// <summary>The options in <paramref name="options"/> (an <see cref="Ipv4Packet.Options"/>), which its reader already checked.</summary>
    public static ImmutableArray<IIpv4Option> Read(ReadOnlyMemory<byte> options) => OptionList.Read<IIpv4Option>(options.Span, ReadOne);

    /// <summary>Reads the options in <paramref name="options"/>; false with the first failure and its offset among them.</summary>
    public static bool TryRead(ReadOnlySpan<byte> options, out ImmutableArray<IIpv4Option> items, out ProtocolErrorKind fault, out int faultOffset) =>
        OptionList.TryRead<IIpv4Option>(options, ReadOne, out items, out fault, out faultOffset);

    /// <summary>Checks the options in <paramref name="options"/> without building them; false with the first failure and its offset among them.</summary>
    public static bool TryCheck(ReadOnlySpan<byte> options, out ProtocolErrorKind fault, out int faultOffset) =>
        OptionList.TryCheck<IIpv4Option>(options, CheckOne, ReadOne, out fault, out faultOffset);

    // The views' checks are the records' readers' rules, with no record made.
    private static int CheckOne(byte type, ReadOnlySpan<byte> bytes) => type switch
    {
        0 => Ipv4EndOfOptions.View.TryCreate(bytes, out var end, out _) ? end.WireLength : -1,
        1 => Ipv4NoOperation.View.TryCreate(bytes, out var nop, out _) ? nop.WireLength : -1,
        7 => Ipv4RecordRoute.View.TryCreate(bytes, out var route, out _) ? route.WireLength : -1,
        68 => Ipv4Timestamp.View.TryCreate(bytes, out var stamps, out _) ? stamps.WireLength : -1,
        _ => UnknownIpv4Option.View.TryCreate(bytes, out var other, out _) ? other.WireLength : -1,
    };

    private static bool ReadOne(byte type, ref WireReader reader, [MaybeNullWhen(false)] out IIpv4Option option) => type switch
    {
        0 => OptionList.TryRead<Ipv4EndOfOptions, IIpv4Option>(ref reader, out option),
        1 => OptionList.TryRead<Ipv4NoOperation, IIpv4Option>(ref reader, out option),
        7 => OptionList.TryRead<Ipv4RecordRoute, IIpv4Option>(ref reader, out option),
        68 => OptionList.TryRead<Ipv4Timestamp, IIpv4Option>(ref reader, out option),
        _ => OptionList.TryRead<UnknownIpv4Option, IIpv4Option>(ref reader, out option),
    };
}
