using System;
using System.Collections.Generic;
using System.Linq;
using ProtocolGen.Framing;
using ProtocolGen.Portmaster;
using Xunit;

namespace ProtocolGen.Tests.Views;

/// <summary>ReadViews' one-switch good path and its fallback: every frame it does not take ends as the record path's error.</summary>
public sealed class ViewFramingTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TrailingBytes_ShortBodies_AndUnknownTypes_GiveTheRecordPathsErrors_OnTheViewPath(bool rejectTrailingBytes)
    {
        var good = Info.EncodeFrame(new ConnectionEndV4(7, Direction.Inbound, IpProtocol.Tcp, new Ipv4Address(1, 2, 3, 4), new Ipv4Address(5, 6, 7, 8), 80, 443));
        var padded = Padded(good, 2);
        var shortBody = Frame(1, new byte[10]);
        var badUtf8 = Frame(0, [3, 0xC3]);
        var unknown = Frame(200, [1, 2, 3]);
        var bytes = good.Concat(padded).Concat(shortBody).Concat(badUtf8).Concat(unknown).Concat(good).ToArray();
        var options = new FrameDecoderOptions { RejectTrailingBytes = rejectTrailingBytes };

        var records = new List<string>();
        foreach (var frame in Info.DecodeFrames(bytes, options))
        {
            records.Add(frame.IsPacket ? $"packet {frame.Packet.PacketType}"
                : frame.Error.Kind == ProtocolErrorKind.UnknownType ? $"unknown {frame.Error.PacketType}" : frame.Error.ToString());
        }

        var handler = new Recorder { Seen = new List<string>() };
        Info.ReadViews(bytes, ref handler, options);

        Assert.Equal(records, handler.Seen);
        Assert.Equal(rejectTrailingBytes ? 2 : 3, handler.Seen.Count(s => s == "packet 3"));
    }

    private static byte[] Padded(byte[] frame, int extra)
    {
        var body = frame.AsSpan(5).ToArray().Concat(new byte[extra]).ToArray();
        return Frame(frame[0], body);
    }

    private static byte[] Frame(byte type, byte[] body)
    {
        var frame = new byte[5 + body.Length];
        frame[0] = type;
        BitConverter.TryWriteBytes(frame.AsSpan(1, 4), (uint)body.Length);
        body.CopyTo(frame, 5);
        return frame;
    }

    private struct Recorder : Info.IViewHandler
    {
        public List<string> Seen;

        public void HandleOther(byte packetType, ReadOnlySpan<byte> body) => Seen.Add($"packet {packetType}");

        public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) => Seen.Add($"unknown {packetType}");

        public void HandleError(ProtocolError error) => Seen.Add(error.ToString());
    }
}
