using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using ProtocolGen.Framing;
using ProtocolGen.Portmaster;
using Xunit;

namespace ProtocolGen.Tests.Views;

/// <summary>ReadViews' one-switch good path and its fallback: every frame it does not take ends as the record path's error.</summary>
public sealed class ViewFramingTests
{
    private const int Cap = 64;

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void EveryFrame_ReachesTheViewHandler_AsTheRecordPathDecodesIt(bool rejectTrailingBytes, bool cutAtTheEnd)
    {
        var good = Info.EncodeFrame(new ConnectionEndV4(7, Direction.Inbound, IpProtocol.Tcp, new Ipv4Address(1, 2, 3, 4), new Ipv4Address(5, 6, 7, 8), 80, 443));
        var log = Info.EncodeFrame(new LogLine(Severity.Warning, "disk full"));
        var frames = new[]
        {
            good,
            Padded(good, 2),
            Frame(1, new byte[10]),         // shorter than ConnectionV4's fixed fields
            Frame(0, [3, 0xC3]),             // a cut UTF-8 sequence
            Frame(200, [1, 2, 3]),           // no packet has type 200
            Frame(0, new byte[Cap + 1]),     // over the cap: the frame is skipped whole
            log,
            good,
        };
        var bytes = frames.SelectMany(f => f).ToArray();
        if (cutAtTheEnd)
        {
            bytes = bytes.Concat(good.AsSpan(0, good.Length - 3).ToArray()).ToArray();
        }

        var options = new FrameDecoderOptions { RejectTrailingBytes = rejectTrailingBytes, MaxBodyLength = Cap };

        var decoded = new List<object>();
        foreach (var frame in Info.DecodeFrames(bytes, options))
        {
            var body = bytes.AsSpan((int)frame.Offset + 5, (int)Math.Min(frame.Length, bytes.Length - frame.Offset) - 5);
            decoded.Add(frame.IsPacket ? Seen(frame.Packet.PacketType, body.Length, (frame.Packet as ConnectionEndV4)?.ProcessId ?? 0)
                : frame.Error is { Kind: ProtocolErrorKind.UnknownType, PacketType: { } type } ? ("unknown", type, body.Length, 0UL)
                : frame.Error);
        }

        var handler = new Recorder { Seen = [] };
        Info.ReadViews(bytes, ref handler, options);

        // Packets with their bodies' lengths (padding included), unknown frames with theirs, errors field by field.
        Assert.Equal(decoded, handler.Seen);
        Assert.Equal(2, handler.Seen.Count(s => s.Equals(Seen(3, 22, 7))));
        Assert.Equal(!rejectTrailingBytes, handler.Seen.Contains(Seen(3, 24, 7))); // the padded frame, padding in its view's bytes
        Assert.Contains(handler.Seen, s => s is ProtocolError { Kind: ProtocolErrorKind.FrameTooLarge });
        Assert.Equal(cutAtTheEnd, handler.Seen.Any(s => s is ProtocolError { Kind: ProtocolErrorKind.Truncated }));
    }

    private static object Seen(byte packetType, int bodyLength, ulong processId) => ("packet", packetType, bodyLength, processId);

    private static byte[] Padded(byte[] frame, int extra) => Frame(frame[0], frame.AsSpan(5).ToArray().Concat(new byte[extra]).ToArray());

    private static byte[] Frame(byte type, byte[] body)
    {
        var frame = new byte[5 + body.Length];
        frame[0] = type;
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(1, 4), (uint)body.Length);
        body.CopyTo(frame, 5);
        return frame;
    }

    // ConnectionEndV4 through its own method (the per-kind route), every other kind through HandleOther.
    private struct Recorder : Info.IViewHandler
    {
        public List<object> Seen;

        public void Handle(ConnectionEndV4.View packet) => Seen.Add(ViewFramingTests.Seen(3, packet.WireBytes.Length, packet.ProcessId));

        public void HandleOther(byte packetType, ReadOnlySpan<byte> body) => Seen.Add(ViewFramingTests.Seen(packetType, body.Length, 0));

        public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) => Seen.Add(("unknown", packetType, body.Length, 0UL));

        public void HandleError(ProtocolError error) => Seen.Add(error);
    }
}
