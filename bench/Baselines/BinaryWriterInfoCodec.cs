using System;
using System.IO;
using System.Text;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Benchmarks.Baselines;

/// <summary>
/// Baseline (b) for encoding: the same port writing with a <see cref="BinaryWriter"/> over a <see cref="MemoryStream"/>
/// on the destination array. Text is written by the writer's UTF-8 encoding straight from the string's chars.
/// </summary>
public static class BinaryWriterInfoCodec
{
    /// <summary>Encodes <paramref name="packets"/> as frames at the start of <paramref name="destination"/> and returns the bytes written.</summary>
    public static int EncodeFrames(ReadOnlySpan<Info> packets, byte[] destination)
    {
        using var stream = new MemoryStream(destination, writable: true);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        foreach (var packet in packets)
        {
            Write(writer, packet);
        }

        return (int)stream.Position;
    }

    private static void Write(BinaryWriter writer, Info packet)
    {
        Span<byte> address = stackalloc byte[Ipv6Address.Size];
        switch (packet)
        {
            case LogLine p:
                writer.Write((byte)0);
                writer.Write((uint)(1 + Encoding.UTF8.GetByteCount(p.Line)));
                writer.Write((byte)p.Severity);
                writer.Write(p.Line.AsSpan());
                break;
            case ConnectionV4 p:
                writer.Write((byte)1);
                writer.Write((uint)(35 + p.Payload.Length));
                writer.Write(p.Id);
                writer.Write(p.ProcessId);
                writer.Write((byte)p.Direction);
                writer.Write((byte)p.Protocol);
                WriteIpv4(writer, p.LocalIp, address);
                WriteIpv4(writer, p.RemoteIp, address);
                writer.Write(p.LocalPort);
                writer.Write(p.RemotePort);
                writer.Write(p.PayloadLayer);
                writer.Write((uint)p.Payload.Length);
                writer.Write(p.Payload.Span);
                break;
            case ConnectionV6 p:
                writer.Write((byte)2);
                writer.Write((uint)(59 + p.Payload.Length));
                writer.Write(p.Id);
                writer.Write(p.ProcessId);
                writer.Write((byte)p.Direction);
                writer.Write((byte)p.Protocol);
                WriteIpv6(writer, p.LocalIp, address);
                WriteIpv6(writer, p.RemoteIp, address);
                writer.Write(p.LocalPort);
                writer.Write(p.RemotePort);
                writer.Write(p.PayloadLayer);
                writer.Write((uint)p.Payload.Length);
                writer.Write(p.Payload.Span);
                break;
            case ConnectionEndV4 p:
                writer.Write((byte)3);
                writer.Write(22u);
                writer.Write(p.ProcessId);
                writer.Write((byte)p.Direction);
                writer.Write((byte)p.Protocol);
                WriteIpv4(writer, p.LocalIp, address);
                WriteIpv4(writer, p.RemoteIp, address);
                writer.Write(p.LocalPort);
                writer.Write(p.RemotePort);
                break;
            case ConnectionEndV6 p:
                writer.Write((byte)4);
                writer.Write(46u);
                writer.Write(p.ProcessId);
                writer.Write((byte)p.Direction);
                writer.Write((byte)p.Protocol);
                WriteIpv6(writer, p.LocalIp, address);
                WriteIpv6(writer, p.RemoteIp, address);
                writer.Write(p.LocalPort);
                writer.Write(p.RemotePort);
                break;
            case BandwidthStatsV4 p:
                writer.Write((byte)5);
                writer.Write((uint)(5 + p.Values.Length * 28));
                writer.Write((byte)p.Protocol);
                writer.Write((uint)p.Values.Length);
                foreach (var v in p.Values)
                {
                    WriteIpv4(writer, v.LocalIp, address);
                    writer.Write(v.LocalPort);
                    WriteIpv4(writer, v.RemoteIp, address);
                    writer.Write(v.RemotePort);
                    writer.Write(v.TransmittedBytes);
                    writer.Write(v.ReceivedBytes);
                }

                break;
            case BandwidthStatsV6 p:
                writer.Write((byte)6);
                writer.Write((uint)(5 + p.Values.Length * 52));
                writer.Write((byte)p.Protocol);
                writer.Write((uint)p.Values.Length);
                foreach (var v in p.Values)
                {
                    WriteIpv6(writer, v.LocalIp, address);
                    writer.Write(v.LocalPort);
                    WriteIpv6(writer, v.RemoteIp, address);
                    writer.Write(v.RemotePort);
                    writer.Write(v.TransmittedBytes);
                    writer.Write(v.ReceivedBytes);
                }

                break;
            default:
                throw new ArgumentException($"not an info packet: {packet}", nameof(packet));
        }
    }

    private static void WriteIpv4(BinaryWriter writer, Ipv4Address value, Span<byte> scratch)
    {
        value.CopyTo(scratch.Slice(0, Ipv4Address.Size));
        writer.Write(scratch.Slice(0, Ipv4Address.Size));
    }

    private static void WriteIpv6(BinaryWriter writer, Ipv6Address value, Span<byte> scratch)
    {
        value.CopyTo(scratch);
        writer.Write(scratch);
    }
}
