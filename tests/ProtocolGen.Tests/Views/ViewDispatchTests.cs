using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace ProtocolGen.Tests.Views;

// A union framed without a length, with a field that can refuse its byte: where a bad frame ends is then the
// decoder's call, and the view path must make the same one.

[ProtocolUnion(FrameFormat.TypeOnly)]
public partial interface ISwitches;

[Packet(1)]
public sealed partial record Switch(uint Id, bool On) : ISwitches;

[Packet(2)]
public sealed partial record Ping(byte Sequence) : ISwitches;

/// <summary>The view handler path: bad frames end where the record path ends them; routing to the default survives nesting.</summary>
public sealed class ViewDispatchTests
{
    // Switch 7 with On = 5 (not a boolean), then a ping, a good switch and another ping.
    private static readonly byte[] s_withBadBoolean = [1, 7, 0, 0, 0, 5, 2, 9, 1, 8, 0, 0, 0, 1, 2, 10];

    [Fact]
    public void WithoutALength_ABadFrame_EndsAtTheSameByte_OnTheViewPath_AsOnTheRecordPath()
    {
        var records = new List<object>();
        foreach (var frame in ISwitches.DecodeFrames(s_withBadBoolean))
        {
            records.Add(frame.IsPacket ? frame.Packet
                : frame.Error.Kind == ProtocolErrorKind.UnknownType ? $"unknown {frame.Error.PacketType}" : frame.Error);
        }

        var handler = new Recorder();
        ISwitches.ReadViews(s_withBadBoolean, ref handler);

        Assert.IsType<ProtocolError>(records[0]);
        Assert.Equal(ProtocolErrorKind.InvalidValue, ((ProtocolError)records[0]).Kind);
        Assert.Contains(new Switch(8, true), records);
        Assert.Equal(records, handler.Seen);
    }

    [Fact]
    public void AHandlerThatReadsFramesInsideItsOwnMethod_StillGetsOnlyItsOwnKindsThere_AndTheNestedDefaultsStayNested()
    {
        var outer = new NestingHandler();
        ISwitches.ReadViews(Frames(new Ping(1), new Ping(2)), ref outer);

        Assert.Equal(2, outer.Pings);
        Assert.Equal(0, outer.Others);
        Assert.Equal(2, outer.NestedOthers);
    }

    [Fact]
    public void AHandleOtherThatReachesADefaultItself_DoesNotSendTheNextHandledFrameToHandleOther()
    {
        var handler = new ForwardingOthers();
        ISwitches.ReadViews(Frames(new Switch(1, true), new Ping(1), new Ping(2)), ref handler);

        Assert.Equal(2, handler.Pings);
        Assert.Equal(1, handler.Others);
    }

    [Fact]
    public void ANestedReadWhoseHandleOtherThrows_DoesNotSendTheOuterHandledFrameToHandleOther()
    {
        var outer = new CatchingNestedThrow();
        ISwitches.ReadViews(Frames(new Ping(1), new Ping(2)), ref outer);

        Assert.Equal(2, outer.Pings);
        Assert.Equal(2, outer.Caught);
        Assert.Equal(0, outer.Others);
    }

    private static byte[] Frames(params ISwitches[] packets) => packets.SelectMany(ISwitches.EncodeFrame).ToArray();

    private struct Recorder : ISwitches.IViewHandler
    {
        public Recorder() => Seen = new List<object>();

        public List<object> Seen { get; }

        public void Handle(Switch.View packet) => Seen.Add(new Switch(packet.Id, packet.On));

        public void Handle(Ping.View packet) => Seen.Add(new Ping(packet.Sequence));

        public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) => Seen.Add($"unknown {packetType}");

        public void HandleError(ProtocolError error) => Seen.Add(error);
    }

    private struct NestingHandler : ISwitches.IViewHandler
    {
        public int Pings;
        public int Others;
        public int NestedOthers;

        public void Handle(Ping.View packet)
        {
            Pings++;

            // Inside a handled kind, a nested read whose handler leaves its kind to the default.
            var nested = new DefaultsOnly();
            ISwitches.ReadViews(Frames(new Switch(packet.Sequence, true)), ref nested);
            NestedOthers += nested.Others;
        }

        public void HandleOther(byte packetType, ReadOnlySpan<byte> body) => Others++;

        public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) => throw new InvalidOperationException();

        public void HandleError(ProtocolError error) => throw new InvalidOperationException(error.ToString());
    }

    // Its HandleOther forwards to another handler, whose default for the kind runs there.
    private struct ForwardingOthers : ISwitches.IViewHandler
    {
        public int Pings;
        public int Others;

        public void Handle(Ping.View packet) => Pings++;

        public void HandleOther(byte packetType, ReadOnlySpan<byte> body)
        {
            Others++;
            ISwitches.IViewHandler inner = new DefaultsOnly();
            inner.Handle(new Switch.View(body));
        }

        public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) => throw new InvalidOperationException();

        public void HandleError(ProtocolError error) => throw new InvalidOperationException(error.ToString());
    }

    // Inside a handled kind, a nested read whose HandleOther throws, caught here.
    private struct CatchingNestedThrow : ISwitches.IViewHandler
    {
        public int Pings;
        public int Caught;
        public int Others;

        public void Handle(Ping.View packet)
        {
            Pings++;
            var nested = new ThrowingOthers();
            try
            {
                ISwitches.ReadViews(Frames(new Switch(packet.Sequence, true)), ref nested);
            }
            catch (InvalidOperationException)
            {
                Caught++;
            }
        }

        public void HandleOther(byte packetType, ReadOnlySpan<byte> body) => Others++;

        public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) => throw new InvalidOperationException();

        public void HandleError(ProtocolError error) => throw new InvalidOperationException(error.ToString());
    }

    private struct ThrowingOthers : ISwitches.IViewHandler
    {
        public void HandleOther(byte packetType, ReadOnlySpan<byte> body) => throw new InvalidOperationException("from HandleOther");

        public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) => throw new InvalidOperationException();

        public void HandleError(ProtocolError error) => throw new InvalidOperationException(error.ToString());
    }

    private struct DefaultsOnly : ISwitches.IViewHandler
    {
        public int Others;

        public void HandleOther(byte packetType, ReadOnlySpan<byte> body) => Others++;

        public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) => throw new InvalidOperationException();

        public void HandleError(ProtocolError error) => throw new InvalidOperationException(error.ToString());
    }
}
