using System;
using System.Collections.Immutable;
using ProtocolGen.Wire;

namespace ProtocolGen.Samples.Pcap;

/// <summary>
/// Reads a <see cref="PcapFrame"/> from a pcap record, one schema record per layer. Which record reads the next layer
/// (by the EtherType, by the IP protocol) is chosen here in plain C#: the schema cannot say it until <c>[WireUnion]</c>
/// and <c>[Switch]</c> (design step 8). An EtherType or protocol this sample does not decode keeps its bytes.
/// </summary>
public static class PcapFrameReader
{
    private const int RecordHeaderSize = 16;

    // The fixed part of an IPv4 or TCP header, before its options.
    private const int FixedHeaderSize = 20;

    /// <summary>Reads the layers of <paramref name="record"/>, the frame numbered <paramref name="number"/>, which starts at <paramref name="recordOffset"/> in its file.</summary>
    /// <param name="record">The pcap record.</param>
    /// <param name="number">The frame's number, from 1.</param>
    /// <param name="recordOffset">Where the record starts in its file.</param>
    /// <param name="verifyChecksums">False for a capture of a host's own outgoing traffic, whose checksums the network card fills in after capture (checksum offload).</param>
    /// <exception cref="PcapFormatException">A layer refuses its bytes (a checksum, a length, a constant, an option...).</exception>
    public static PcapFrame Read(PcapRecord record, int number, long recordOffset, bool verifyChecksums = true)
    {
        var frame = new CapturedBytes(number, recordOffset + RecordHeaderSize, record.Data, verifyChecksums);
        var ethernet = frame.Read<EthernetFrame>("eth", 0, record.Data.Length, 0, out _);

        // The Ethernet payload is the rest of the record's data.
        var networkStart = record.Data.Length - ethernet.Payload.Length;
        IEtherPayload network;
        int networkLength;
        if (record.IncludedLength < record.OriginalLength)
        {
            // The capture's snap length cut the frame: its IP lengths and checksums cover bytes that are not here, so
            // its payload keeps its bytes, as an EtherType this sample does not decode does.
            return new PcapFrame(number, record, ethernet, new UnknownEtherPayload(ethernet.Payload), null, ReadOnlyMemory<byte>.Empty);
        }

        switch (ethernet.Type)
        {
            case EtherType.Ipv4:
                var ipv4 = frame.Read<Ipv4Packet>("ip", networkStart, ethernet.Payload.Length, 0, out networkLength);
                frame.CheckOptions<IIpv4Option>("ip", networkStart + FixedHeaderSize, ipv4.Options, Ipv4Options.TryRead);
                network = ipv4;
                break;
            case EtherType.Ipv6:
                network = frame.Read<Ipv6Packet>("ipv6", networkStart, ethernet.Payload.Length, 0, out networkLength);
                break;
            default:
                network = new UnknownEtherPayload(ethernet.Payload);
                networkLength = ethernet.Payload.Length;
                break;
        }

        // An IP packet ends where its length fields say, its payload last; what follows it is the trailer.
        var trailer = ethernet.Payload[networkLength..];
        if (network is not IIpPacket ip)
        {
            return new PcapFrame(number, record, ethernet, network, null, trailer);
        }

        var transportStart = networkStart + networkLength - ip.Payload.Length;
        var pseudoHeader = ip.PseudoHeaderSum(ip.Payload.Length);
        IIpPayload transport;
        if (network is Ipv4Packet { MoreFragments: true } or Ipv4Packet { FragmentOffset: > 0 })
        {
            // A fragment holds part of its datagram: only the first starts with the TCP or UDP header, and the
            // checksum covers the whole datagram, so a fragment's payload keeps its bytes (no reassembly here).
            return new PcapFrame(number, record, ethernet, network, new UnknownIpPayload(ip.Payload), trailer);
        }

        switch (ip.Protocol)
        {
            case IpProtocol.Tcp:
                var tcp = frame.Read<TcpSegment>("tcp", transportStart, ip.Payload.Length, pseudoHeader, out _);
                frame.CheckOptions<ITcpOption>("tcp", transportStart + FixedHeaderSize, tcp.Options, TcpOptions.TryRead);
                transport = tcp;
                break;
            case IpProtocol.Udp:
                transport = frame.Read<UdpDatagram>("udp", transportStart, ip.Payload.Length, pseudoHeader, out _);
                break;
            default:
                transport = new UnknownIpPayload(ip.Payload);
                break;
        }

        return new PcapFrame(number, record, ethernet, network, transport, trailer);
    }

    private delegate bool OptionsReader<TOption>(ReadOnlySpan<byte> options, out ImmutableArray<TOption> items, out ProtocolErrorKind fault, out int faultOffset);

    // A record's captured bytes, where they lie in the file, and which frame they are: so that a layer's failure
    // (an offset in that layer's bytes) is reported at its byte of the file.
    private readonly record struct CapturedBytes(int Number, long FileOffset, ReadOnlyMemory<byte> Data, bool VerifyChecksums)
    {
        public T Read<T>(string layer, int start, int length, ulong pseudoHeader, out int consumed)
            where T : IWireStruct<T>
        {
            var reader = new WireReader(Data.Span.Slice(start, length), VerifyChecksums) { PseudoHeader = pseudoHeader };
            if (T.TryReadFrom(ref reader, out var value) && !reader.HasFailed)
            {
                consumed = reader.Position;
                return value;
            }

            throw Refused(reader.Fault ?? ProtocolErrorKind.SizeMismatch, layer, start + reader.FaultOffset);
        }

        // A header's options are read here once, so that a malformed one is refused with the frame rather than
        // whenever someone first asks for them.
        public void CheckOptions<TOption>(string layer, int start, ReadOnlyMemory<byte> options, OptionsReader<TOption> read)
        {
            if (!read(options.Span, out _, out var fault, out var offset))
            {
                throw Refused(fault, layer, start + offset);
            }
        }

        private PcapFormatException Refused(ProtocolErrorKind kind, string layer, int offset) =>
            new(new PcapError(kind, Number, layer, FileOffset + offset));
    }
}
