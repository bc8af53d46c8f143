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
    /// <param name="path">The file.</param>
    /// <param name="verifyChecksums">False for a capture of a host's own outgoing traffic, whose checksums its network card fills in after capture.</param>
    /// <exception cref="PcapFormatException">The file is not a pcap file of Ethernet frames, or a frame is malformed.</exception>
    public static PcapFile Read(string path, bool verifyChecksums = true) => Read(File.ReadAllBytes(path), verifyChecksums);

    /// <summary>
    /// Reads a pcap file from its bytes, every checksum verified unless <paramref name="verifyChecksums"/> is false. A
    /// frame the snap length cut is read down to its Ethernet header, and an IPv4 fragment down to its IP header; the
    /// rest of each keeps its bytes.
    /// </summary>
    /// <exception cref="PcapFormatException">The bytes are not a pcap file of Ethernet frames, or a frame is malformed.</exception>
    public static PcapFile Read(ReadOnlySpan<byte> bytes, bool verifyChecksums = true)
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

            frames.Add(PcapFrameReader.Read(record, number, recordOffset, verifyChecksums));
        }

        return new PcapFile(header, frames.ToImmutable());
    }

    /// <summary>The file's bytes: the header, then every frame's record as <see cref="PcapFrame.WriteTo"/> writes it.</summary>
    public byte[] ToArray()
    {
        var size = Header.WireSize;
        foreach (var frame in Frames)
        {
            size += frame.WireSize;
        }

        var output = new byte[size];
        var position = Header.WriteTo(output);
        foreach (var frame in Frames)
        {
            position += frame.WriteTo(output.AsSpan(position));
        }

        return output;
    }

    private static PcapFormatException Refused(in WireReader reader, int number) =>
        new(new PcapError(reader.Fault ?? ProtocolErrorKind.Truncated, number, "pcap", reader.FaultOffset));
}
