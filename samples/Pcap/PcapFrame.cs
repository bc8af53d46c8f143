using System;

namespace ProtocolGen.Samples.Pcap;

/// <summary>
/// One captured frame: the pcap record, and its Ethernet frame read from the record's data by the schema, every layer
/// inside it picked by the one before (the EtherType, then the IP protocol). A frame the capture's snap length cut
/// short is read to its Ethernet header only (<see cref="CutEthernetFrame"/>).
/// </summary>
/// <param name="Number">The frame's position in its file, from 1 (tshark's <c>frame.number</c>).</param>
/// <param name="Record">The pcap record as read; its <see cref="PcapRecord.Data"/> holds every layer's bytes.</param>
/// <param name="Ethernet">The Ethernet frame: an <see cref="EthernetFrame"/>, or a <see cref="CutEthernetFrame"/>.</param>
/// <remarks>
/// Equality compares the number, the record's timestamps, and the Ethernet frame, and for a cut frame the length it
/// had on the wire: not <see cref="PcapRecord.Data"/> or the record's lengths, which encoding derives from the frame, so
/// a frame edited with <c>with</c> equals the frame its bytes decode to.
/// </remarks>
public sealed record PcapFrame(int Number, PcapRecord Record, IEthernetFrame Ethernet)
{
    /// <summary>What the Ethernet frame carries; null when the snap length cut it.</summary>
    public IEtherPayload? Network => (Ethernet as EthernetFrame)?.Payload;

    /// <summary>What an IP packet carries (a TCP segment, a UDP datagram, or its bytes); null when <see cref="Network"/> is not IP.</summary>
    public IIpPayload? Transport => (Network as IIpPacket)?.Payload;

    /// <summary>The Ethernet payload's bytes after the packet's end, which the packet's length fields give.</summary>
    public ReadOnlyMemory<byte> Trailer => (Ethernet as EthernetFrame)?.Trailer ?? ReadOnlyMemory<byte>.Empty;

    /// <summary>
    /// The pcap record of this frame, its data encoded from <see cref="Ethernet"/>: every length and checksum (the TCP
    /// and UDP ones with their IP pseudo-header) is computed as it is written, so a layer edited with <c>with</c> (or
    /// zeroed) gives a consistent record.
    /// </summary>
    /// <exception cref="WireEncodeException">A field the wire cannot carry, or a payload its EtherType or protocol does not pick.</exception>
    public PcapRecord ToRecord()
    {
        var data = WireCodec.ToArray(Ethernet);
        return Record with { Data = data, IncludedLength = (uint)data.Length, OriginalLength = OriginalLengthFor(data.Length) };
    }

    /// <summary>How many bytes <see cref="WriteTo"/> writes: the record's header and the Ethernet frame.</summary>
    /// <exception cref="WireEncodeException">A field the wire cannot carry, or a payload its EtherType or protocol does not pick.</exception>
    public int WireSize => RecordHeaderSize + Ethernet.WireSize;

    /// <summary>
    /// Writes the bytes of <see cref="ToRecord"/>'s record at the start of <paramref name="destination"/>, the Ethernet
    /// frame in place after the record's header, and returns how many it wrote.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="WireSize"/>.</exception>
    /// <exception cref="WireEncodeException">A field the wire cannot carry, or a payload its EtherType or protocol does not pick.</exception>
    public int WriteTo(Span<byte> destination)
    {
        if (destination.Length < RecordHeaderSize)
        {
            throw new ArgumentException($"The destination holds {destination.Length} bytes; a record takes at least {RecordHeaderSize}.", nameof(destination));
        }

        // A cut frame's original length is checked before a byte is written, as the generated writers check theirs.
        uint? cutOriginalLength = Ethernet is CutEthernetFrame kept ? OriginalLengthFor(kept.WireSize) : null;

        // A direct call to the frame's generated writer, which can be inlined, rather than through the interface.
        var data = destination[RecordHeaderSize..];
        var length = Ethernet switch
        {
            EthernetFrame whole => whole.WriteTo(data),
            CutEthernetFrame cut => cut.WriteTo(data),
            var other => WireCodec.Write(other, data),
        };
        new PcapRecordHeader(Record.TimestampSeconds, Record.TimestampMicroseconds, (uint)length, cutOriginalLength ?? (uint)length).WriteTo(destination);
        return RecordHeaderSize + length;
    }

    /// <inheritdoc/>
    public bool Equals(PcapFrame? other) =>
        other is not null
        && Number == other.Number
        && (Record.TimestampSeconds, Record.TimestampMicroseconds) == (other.Record.TimestampSeconds, other.Record.TimestampMicroseconds)
        && Ethernet.Equals(other.Ethernet)
        && (Ethernet is not CutEthernetFrame || Record.OriginalLength == other.Record.OriginalLength);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Number, Record.TimestampSeconds, Record.TimestampMicroseconds, Ethernet);

    private const int RecordHeaderSize = 16;

    // A whole frame was as long on the wire as it is now; a cut one was longer than the bytes it keeps, or it was not cut.
    private uint OriginalLengthFor(int captured) => Ethernet is CutEthernetFrame
        ? Record.OriginalLength > (uint)captured
            ? Record.OriginalLength
            : throw new WireEncodeException("original_length", $"is {Record.OriginalLength}, but a cut frame was longer on the wire than the {captured} bytes it keeps; hold an EthernetFrame for a whole one")
        : (uint)captured;
}
