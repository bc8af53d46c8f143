using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using ProtocolGen.Samples.Pcap;
using ProtocolGen.Tests.Shared;

namespace ProtocolGen.Pcap.Tests;

/// <summary>A capture in testdata/pcap, decoded once, and Wireshark's dissection of it (<c>NAME.tshark.json</c>).</summary>
internal sealed class Capture
{
    private Capture(string name, int frameCount)
    {
        Name = name;
        FrameCount = frameCount;
        Bytes = TestData.Read(Path.Combine("pcap", name + ".pcap"));
        File = PcapFile.Read(Bytes);
        Tshark = JsonDocument.Parse(System.IO.File.ReadAllBytes(PathOf(name + ".tshark.json"))).RootElement;
    }

    /// <summary>loopback.pcap: 37 frames of TCP and UDP over IPv4 and IPv6, captured on loopback.</summary>
    public static Capture Loopback { get; } = new("loopback", 37);

    /// <summary>fragments.pcap: 3 IPv4 fragments of loopback.pcap's datagrams, none making a whole datagram.</summary>
    public static Capture Fragments { get; } = new("fragments", 3);

    /// <summary>Every capture, for tests that hold for each.</summary>
    public static Capture[] All { get; } = [Loopback, Fragments];

    /// <summary>Each capture's name and frame number (from 1), for tests that take every frame of every capture.</summary>
    public static IEnumerable<object[]> EveryFrame => All.SelectMany(c => Enumerable.Range(1, c.FrameCount).Select(n => new object[] { c.Name, n }));

    /// <summary>The file's name without its extension.</summary>
    public string Name { get; }

    /// <summary>How many frames the file holds.</summary>
    public int FrameCount { get; }

    public byte[] Bytes { get; }

    public PcapFile File { get; }

    public ImmutableArray<PcapFrame> Frames => File.Frames;

    /// <summary>NAME.tshark.json: one element per frame, <c>_source.layers</c> holding each protocol's fields.</summary>
    public JsonElement Tshark { get; }

    /// <summary>The capture named <paramref name="name"/>.</summary>
    public static Capture Named(string name) => All.Single(c => c.Name == name);

    /// <summary>Where a file of testdata/pcap is beside the test assembly.</summary>
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "testdata", "pcap", name);

    /// <summary>Frame <paramref name="number"/> (from 1, as tshark numbers them).</summary>
    public PcapFrame Frame(int number) => Frames[number - 1];

    /// <summary>Where frame <paramref name="number"/>'s record header starts in the file.</summary>
    public int RecordOffset(int number)
    {
        var offset = 24;
        for (var i = 1; i < number; i++)
        {
            offset += 16 + Frame(i).Record.Data.Length;
        }

        return offset;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
