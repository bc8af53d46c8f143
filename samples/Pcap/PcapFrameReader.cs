using System;
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

    /// <summary>Reads the layers of <paramref name="record"/>, the frame numbered <paramref name="number"/>, which starts at <paramref name="recordOffset"/> in its file.</summary>
    /// <exception cref="PcapFormatException">A layer refuses its bytes (a checksum, a length, a constant...).</exception>
    public static PcapFrame Read(PcapRecord record, int number, long recordOffset)
    {
        var frame = new CapturedBytes(number, recordOffset + RecordHeaderSize, record.Data);
        var ethernet = frame.Read<EthernetFrame>("eth", 0, record.Data.Length, 0, out _);

        // The Ethernet payload is the rest of the record's data.
        var networkStart = record.Data.Length - ethernet.Payload.Length;
        IEtherPayload network;
        int networkLength;
        switch (ethernet.Type)
        {
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
        IIpPayload transport = ip.Protocol switch
        {
            IpProtocol.Udp => frame.Read<UdpDatagram>("udp", transportStart, ip.Payload.Length, pseudoHeader, out _),
            _ => new UnknownIpPayload(ip.Payload),
        };
        return new PcapFrame(number, record, ethernet, network, transport, trailer);
    }

    // A record's captured bytes, where they lie in the file, and which frame they are: so that a layer's failure
    // (an offset in that layer's bytes) is reported at its byte of the file.
    private readonly record struct CapturedBytes(int Number, long FileOffset, ReadOnlyMemory<byte> Data)
    {
        public T Read<T>(string layer, int start, int length, ulong pseudoHeader, out int consumed)
            where T : IWireStruct<T>
        {
            var reader = new WireReader(Data.Span.Slice(start, length)) { PseudoHeader = pseudoHeader };
            if (T.TryReadFrom(ref reader, out var value) && !reader.HasFailed)
            {
                consumed = reader.Position;
                return value;
            }

            throw new PcapFormatException(new PcapError(reader.Fault ?? ProtocolErrorKind.SizeMismatch, Number, layer, FileOffset + start + reader.FaultOffset));
        }
    }
}
