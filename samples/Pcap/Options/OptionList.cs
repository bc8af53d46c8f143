using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using ProtocolGen.Wire;

namespace ProtocolGen.Samples.Pcap;

/// <summary>
/// An option list as IPv4 and TCP headers hold one: options one after another to the end of the header, each a
/// schema record chosen by its first byte (its type or kind). The choice is plain C#: a run of records that each pick
/// themselves by their first byte is not a schema kind yet.
/// </summary>
public static class OptionList
{
    /// <summary>Reads the option whose first byte is <paramref name="kind"/> from <paramref name="reader"/>; false when it refuses its bytes.</summary>
    public delegate bool OptionReader<TOption>(byte kind, ref WireReader reader, [MaybeNullWhen(false)] out TOption option);

    /// <summary>
    /// Checks the option whose first byte is <paramref name="kind"/> at the start of <paramref name="bytes"/> by its
    /// record's rules, without building the record: how many bytes it takes, or -1 when it refuses them.
    /// </summary>
    public delegate int OptionChecker(byte kind, ReadOnlySpan<byte> bytes);

    /// <summary>
    /// Checks every option in <paramref name="bytes"/> without building them (a decoder's check of a header it keeps as
    /// bytes); false, with the first failure and its offset in <paramref name="bytes"/>, when an option refuses its bytes.
    /// </summary>
    public static bool TryCheck<TOption>(ReadOnlySpan<byte> bytes, OptionChecker check, OptionReader<TOption> read, out ProtocolErrorKind fault, out int faultOffset)
    {
        for (var at = 0; at < bytes.Length;)
        {
            var length = check(bytes[at], bytes[at..]);
            if (length <= 0)
            {
                // Cold: the records' reader says why and where.
                return TryRead(bytes, read, out _, out fault, out faultOffset);
            }

            at += length;
        }

        (fault, faultOffset) = (default, 0);
        return true;
    }

    /// <summary>
    /// Reads every option in <paramref name="bytes"/>; false, with the first failure and its offset in
    /// <paramref name="bytes"/>, when an option refuses its bytes.
    /// </summary>
    public static bool TryRead<TOption>(ReadOnlySpan<byte> bytes, OptionReader<TOption> read, out ImmutableArray<TOption> options, out ProtocolErrorKind fault, out int faultOffset)
    {
        var reader = new WireReader(bytes);
        var items = ImmutableArray.CreateBuilder<TOption>();
        while (reader.Remaining > 0)
        {
            if (!read(reader.UnreadSpan[0], ref reader, out var option) || reader.HasFailed)
            {
                (options, fault, faultOffset) = (default, reader.Fault ?? ProtocolErrorKind.InvalidValue, reader.FaultOffset);
                return false;
            }

            items.Add(option);
        }

        (options, fault, faultOffset) = (items.ToImmutable(), default, 0);
        return true;
    }

    /// <summary>Reads every option in <paramref name="bytes"/>, such as a decoded header's, which its reader already checked.</summary>
    /// <exception cref="InvalidDataException">An option refuses its bytes.</exception>
    public static ImmutableArray<TOption> Read<TOption>(ReadOnlySpan<byte> bytes, OptionReader<TOption> read) =>
        TryRead(bytes, read, out var options, out var fault, out var offset)
            ? options
            : throw new InvalidDataException($"The options are malformed: {ProtocolErrorKinds.ToWireName(fault)} at option byte {offset}.");

    /// <summary>The bytes of <paramref name="options"/>, one after another, for a header's options field.</summary>
    public static byte[] ToBytes<TOption>(IEnumerable<TOption> options)
        where TOption : IWireWritable
    {
        var output = new MemoryStream();
        foreach (var option in options)
        {
            output.Write(WireCodec.ToArray(option));
        }

        return output.ToArray();
    }

    /// <summary>Reads one <typeparamref name="T"/>, as the <typeparamref name="TOption"/> the list holds.</summary>
    public static bool TryRead<T, TOption>(ref WireReader reader, [MaybeNullWhen(false)] out TOption option)
        where T : IWireStruct<T>, TOption
    {
        if (T.TryReadFrom(ref reader, out var value))
        {
            option = value;
            return true;
        }

        option = default;
        return false;
    }
}
