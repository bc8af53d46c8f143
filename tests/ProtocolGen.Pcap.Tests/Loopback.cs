using System.Collections.Immutable;
using System.IO;
using System.Text.Json;
using ProtocolGen.Samples.Pcap;
using ProtocolGen.Tests.Shared;

namespace ProtocolGen.Pcap.Tests;

/// <summary>testdata/pcap/loopback.pcap (37 frames), decoded once, and Wireshark's dissection of it.</summary>
internal static class Loopback
{
    public const int FrameCount = 37;

    public static byte[] Bytes { get; } = TestData.Read(Path.Combine("pcap", "loopback.pcap"));

    public static PcapFile File { get; } = PcapFile.Read(Bytes);

    public static ImmutableArray<PcapFrame> Frames => File.Frames;

    /// <summary>loopback.tshark.json: one element per frame, <c>_source.layers</c> holding each protocol's fields.</summary>
    public static JsonElement Tshark { get; } = JsonDocument.Parse(System.IO.File.ReadAllBytes(PathOf("loopback.tshark.json"))).RootElement;

    /// <summary>Where a file of testdata/pcap is beside the test assembly.</summary>
    public static string PathOf(string name) => Path.Combine(System.AppContext.BaseDirectory, "testdata", "pcap", name);

    /// <summary>Frame <paramref name="number"/> (from 1, as tshark numbers them).</summary>
    public static PcapFrame Frame(int number) => Frames[number - 1];

    /// <summary>Where frame <paramref name="number"/>'s record header starts in the file.</summary>
    public static int RecordOffset(int number)
    {
        var offset = 24;
        for (var i = 1; i < number; i++)
        {
            offset += 16 + Frame(i).Record.Data.Length;
        }

        return offset;
    }
}
