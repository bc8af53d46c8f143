using System;
using System.Collections.Immutable;
using System.IO;
using ProtocolGen.Wire;

namespace ProtocolGen.Samples.Pcap;

/// <summary>
/// A classic pcap file: its header, then its frames, each read layer by layer (<see cref="PcapFrameReader"/>).
/// The records follow one another to the end of the file with nothing between them, which the schema cannot say yet
/// (<c>[RestOfFrame]</c> arrays are design step 6's remainder), so this loop reads them.
/// </summary>
/// <param name="Header">The file header.</param>
/// <param name="Frames">Every frame, in the file's order.</param>
public sealed record PcapFile(PcapFileHeader Header, ImmutableArray<PcapFrame> Frames)
{
    /// <summary>Reads the pcap file at <paramref name="path"/>.</summary>
    /// <exception cref="PcapFormatException">The file is not a pcap file of Ethernet frames, or a frame is malformed.</exception>
    public static PcapFile Read(string path) => Read(File.ReadAllBytes(path));

    /// <summary>Reads a pcap file from its bytes; every checksum is verified.</summary>
    /// <exception cref="PcapFormatException">The bytes are not a pcap file of Ethernet frames, or a frame is malformed.</exception>
    public static PcapFile Read(ReadOnlySpan<byte> bytes)
    {
        // One reader over the whole file, so its fault offsets are file offsets.
        var reader = new WireReader(bytes);
        if (!PcapFileHeader.TryReadFrom(ref reader, out var header) || reader.HasFailed)
        {
            throw Refused(reader, 0);
        }

        var frames = ImmutableArray.CreateBuilder<PcapFrame>();
        while (reader.Remaining > 0)
        {
            var number = frames.Count + 1;
            var recordOffset = reader.Position;
            if (!PcapRecord.TryReadFrom(ref reader, out var record) || reader.HasFailed)
            {
                throw Refused(reader, number);
            }

            frames.Add(PcapFrameReader.Read(record, number, recordOffset));
        }

        return new PcapFile(header, frames.ToImmutable());
    }

    /// <summary>The file's bytes: the header, then every frame's record as <see cref="PcapFrame.ToRecord"/> encodes it.</summary>
    public byte[] ToArray()
    {
        var output = new MemoryStream();
        output.Write(WireCodec.ToArray(Header));
        foreach (var frame in Frames)
        {
            output.Write(WireCodec.ToArray(frame.ToRecord()));
        }

        return output.ToArray();
    }

    private static PcapFormatException Refused(in WireReader reader, int number) =>
        new(new PcapError(reader.Fault ?? ProtocolErrorKind.Truncated, number, "pcap", reader.FaultOffset));
}
