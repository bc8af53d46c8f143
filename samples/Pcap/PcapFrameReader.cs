using System;
using System.Buffers.Binary;
using ProtocolGen.Wire;

namespace ProtocolGen.Samples.Pcap;

/// <summary>
/// Reads a <see cref="PcapFrame"/> from a pcap record: its data is one <see cref="EthernetFrame"/>, whose schema picks
/// each layer inside it. The record's header, not the frame, says whether the snap length cut the frame, so that choice
/// is made here; so is the check of the IPv4 and TCP options, which the schema keeps as bytes.
/// </summary>
public static class PcapFrameReader
{
    private const int RecordHeaderSize = 16;
    private const int EthernetHeaderSize = 14;

    // The fixed part of an IPv4 or TCP header, before its options, and IPv6's header.
    private const int FixedHeaderSize = 20;
    private const int Ipv6HeaderSize = 40;

    /// <summary>Reads the layers of <paramref name="record"/>, the frame numbered <paramref name="number"/>, which starts at <paramref name="recordOffset"/> in its file.</summary>
    /// <param name="record">The pcap record.</param>
    /// <param name="number">The frame's number, from 1.</param>
    /// <param name="recordOffset">Where the record starts in its file.</param>
    /// <param name="verifyChecksums">False for a capture of a host's own outgoing traffic, whose checksums the network card fills in after capture (checksum offload).</param>
    /// <exception cref="PcapFormatException">A layer refuses its bytes (a checksum, a length, a constant, an option...).</exception>
    public static PcapFrame Read(PcapRecord record, int number, long recordOffset, bool verifyChecksums = true)
    {
        var frame = new CapturedBytes(number, recordOffset + RecordHeaderSize, record.Data, verifyChecksums);
        if (record.IncludedLength < record.OriginalLength)
        {
            // The capture's snap length cut the frame: its IP lengths and checksums cover bytes that are not here.
            return new PcapFrame(number, record, frame.Read<CutEthernetFrame>());
        }

        var ethernet = frame.Read<EthernetFrame>();
        if (ethernet.Payload is Ipv4Packet ipv4)
        {
            frame.CheckOptions("ip", EthernetHeaderSize + FixedHeaderSize, ipv4.Options, Ipv4Options.TryCheck);
        }

        if (ethernet.Payload is IIpPacket { Payload: TcpSegment tcp } ip)
        {
            var tcpStart = EthernetHeaderSize + (ip is Ipv4Packet v4 ? v4.HeaderLength * 4 : Ipv6HeaderSize);
            frame.CheckOptions("tcp", tcpStart + FixedHeaderSize, tcp.Options, TcpOptions.TryCheck);
        }

        return new PcapFrame(number, record, ethernet);
    }

    /// <summary>
    /// The layer whose bytes hold <paramref name="offset"/> of a frame's <paramref name="data"/>, named as tshark names
    /// it: for an error only, so it follows the headers' own bytes as far as they are there.
    /// </summary>
    internal static string LayerAt(ReadOnlySpan<byte> data, int offset)
    {
        if (offset < EthernetHeaderSize || data.Length < EthernetHeaderSize)
        {
            return "eth";
        }

        var ip = data[EthernetHeaderSize..];
        var (layer, headerLength, protocol, fragment) = (EtherType)BinaryPrimitives.ReadUInt16BigEndian(data[12..]) switch
        {
            EtherType.Ipv4 when ip.Length >= FixedHeaderSize =>
                ("ip", int.Max(FixedHeaderSize, (ip[0] & 0xF) * 4), (IpProtocol)ip[9], (BinaryPrimitives.ReadUInt16BigEndian(ip[6..]) & 0x3FFF) != 0),
            EtherType.Ipv4 => ("ip", int.MaxValue, default, false),
            EtherType.Ipv6 when ip.Length >= Ipv6HeaderSize => ("ipv6", Ipv6HeaderSize, (IpProtocol)ip[6], false),
            EtherType.Ipv6 => ("ipv6", int.MaxValue, default, false),
            _ => ("eth", int.MaxValue, default, false),
        };

        if (offset - EthernetHeaderSize < headerLength || fragment)
        {
            return layer;
        }

        return protocol switch
        {
            IpProtocol.Tcp => "tcp",
            IpProtocol.Udp => "udp",
            _ => layer,
        };
    }

    private delegate bool OptionsCheck(ReadOnlySpan<byte> options, out ProtocolErrorKind fault, out int faultOffset);

    // A record's captured bytes, where they lie in the file, and which frame they are: so that a layer's failure
    // (an offset in the record's data) is reported at its byte of the file, with the layer that holds it.
    private readonly record struct CapturedBytes(int Number, long FileOffset, ReadOnlyMemory<byte> Data, bool VerifyChecksums)
    {
        public T Read<T>()
            where T : IWireStruct<T>
        {
            var reader = new WireReader(Data.Span, VerifyChecksums);
            if (T.TryReadFrom(ref reader, out var value) && !reader.HasFailed)
            {
                return value;
            }

            var offset = reader.FaultOffset;
            throw Refused(reader.Fault ?? ProtocolErrorKind.SizeMismatch, LayerAt(Data.Span, offset), offset);
        }

        // A header's options are checked here once, so that a malformed one is refused with the frame rather than
        // whenever someone first asks for them.
        public void CheckOptions(string layer, int start, ReadOnlyMemory<byte> options, OptionsCheck check)
        {
            if (!check(options.Span, out var fault, out var offset))
            {
                throw Refused(fault, layer, start + offset);
            }
        }

        private PcapFormatException Refused(ProtocolErrorKind kind, string layer, int offset) =>
            new(new PcapError(kind, Number, layer, FileOffset + offset));
    }
}
