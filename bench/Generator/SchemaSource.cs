using System.Collections.Generic;
using System.Globalization;

namespace ProtocolGen.Benchmarks.Generator;

/// <summary>A synthetic schema: one union and <c>n</c> packets of mixed field kinds, one file each.</summary>
internal static class SchemaSource
{
    private const string Shared = """
        using System;
        using System.Collections.Immutable;
        using ProtocolGen;

        namespace Bench;

        [ProtocolUnion(FrameFormat.TypeAndLength32)]
        public abstract partial record Message;

        public enum Level : byte { Low, High }

        [WireStruct]
        public readonly partial record struct Entry(Ipv4Address Address, ushort Port, ulong Bytes);
        """;

    public static IEnumerable<(string Path, string Text)> Files(int packets)
    {
        yield return ("/Shared.cs", Shared);
        for (var i = 0; i < packets; i++)
        {
            yield return ($"/Packet{i.ToString(CultureInfo.InvariantCulture)}.cs", Packet(i, edited: false));
        }
    }

    /// <summary>Packet <paramref name="index"/> (also its type byte, so at most 255); the edited form widens one field.</summary>
    public static string Packet(int index, bool edited)
    {
        System.Diagnostics.Debug.Assert(index is >= 0 and <= 255, "one type byte per packet");
        var name = "Packet" + index.ToString(CultureInfo.InvariantCulture);
        var type = index.ToString(CultureInfo.InvariantCulture);
        return $$"""
            using System;
            using System.Collections.Immutable;
            using ProtocolGen;

            namespace Bench;

            [Packet({{type}})]
            public sealed partial record {{name}}(
                ulong Id,
                {{(edited ? "ulong" : "uint")}} Count,
                Level Level,
                Ipv4Address Source,
                [LengthPrefix(PrefixWidth.U16)] string Label,
                [CountPrefix(PrefixWidth.U16)] ImmutableArray<Entry> Entries,
                [CountPrefix(PrefixWidth.U8)] ushort[] Ports,
                [RestOfFrame] ReadOnlyMemory<byte> Payload) : Message;
            """;
    }
}
