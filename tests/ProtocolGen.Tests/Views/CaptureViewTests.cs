using System;
using System.Collections.Generic;
using System.Linq;
using ProtocolGen.Framing;
using ProtocolGen.Portmaster;
using ProtocolGen.Tests.Shared;
using Xunit;

namespace ProtocolGen.Tests.Views;

/// <summary>On both upstream captures, every frame's view reads the values the record decoder decodes.</summary>
public sealed class CaptureViewTests
{
    [Fact]
    public void EveryFrameOfTheRustCapture_ReadsTheSameThroughItsView_AsItsRecord_TheBadFirstFrameIncluded()
    {
        var capture = TestData.RustInfoCapture;
        var handler = new InfoViews();

        Info.ReadViews(capture, ref handler);

        // The capture starts with a ConnectionV4 carrying IPv6-sized addresses: both paths report the same error for it.
        var records = FrameDecoder.Enumerate<Info>(capture).ToList(f => f.IsPacket ? f.Packet : (object)f.Error);
        Assert.Equal(1001, records.Count);
        Assert.Equal(1000, records.OfType<Info>().Count());
        Assert.IsType<ProtocolError>(records[0]);
        Assert.Equal(records, handler.Seen);
        Assert.Equal(records.OfType<LogLine>().Count(), handler.TextsMatched);
    }

    [Fact]
    public void EveryCommandOfTheGoCapture_ReadsTheSameThroughItsView_AsItsRecord()
    {
        var capture = TestData.GoCommandCapture;
        var handler = new CommandViews();

        Command.ReadViews(capture, ref handler);

        var records = FrameDecoder.Enumerate<Command>(capture).ToList(f => f.IsPacket ? f.Packet : (object)f.Error);
        Assert.Equal(5000, records.Count);
        Assert.Equal(records, handler.Seen);
    }

    [Fact]
    public void AViewMadeFromABody_IsChecked_AndABadBodyIsTheRecordDecodersError()
    {
        var frame = Info.EncodeFrame(new LogLine(Severity.Error, "disk full"));
        var body = frame.AsSpan(FrameHeader.TypeAndLength32Size);
        var view = LogLine.View.Create(body);
        Assert.Equal("disk full", view.GetLine());
        Assert.Equal(Severity.Error, view.Severity);
        Assert.Equal(body.Length, view.WireLength);

        var bad = body.ToArray();
        bad[5] = 0xFF;
        Assert.False(LogLine.View.TryCreate(bad, out _, out var error));
        Assert.False(WireCodec.TryRead<LogLine>(bad, out _, out var recordError));
        Assert.Equal(recordError!.Kind, error.Kind);
        Assert.Equal(recordError.BodyOffset, error.BodyOffset);
        Assert.Equal(ProtocolErrorKind.InvalidText, error.Kind);
    }

    private struct InfoViews : Info.IViewHandler
    {
        public InfoViews() => Seen = new List<object>();

        public List<object> Seen { get; }

        public int TextsMatched;

        public void Handle(LogLine.View packet)
        {
            var record = ViewRecords.From(packet);
            TextsMatched += ViewRecords.SameText(record.Line, packet.LineUtf8) ? 1 : 0;
            Seen.Add(record);
        }

        public void Handle(ConnectionV4.View packet) => Seen.Add(ViewRecords.From(packet));

        public void Handle(ConnectionV6.View packet) => Seen.Add(ViewRecords.From(packet));

        public void Handle(ConnectionEndV4.View packet) => Seen.Add(ViewRecords.From(packet));

        public void Handle(ConnectionEndV6.View packet) => Seen.Add(ViewRecords.From(packet));

        public void Handle(BandwidthStatsV4.View packet) => Seen.Add(ViewRecords.From(packet));

        public void Handle(BandwidthStatsV6.View packet) => Seen.Add(ViewRecords.From(packet));

        public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) => throw new InvalidOperationException($"unknown type {packetType}");

        public void HandleError(ProtocolError error) => Seen.Add(error);
    }

    private struct CommandViews : Command.IViewHandler
    {
        public CommandViews() => Seen = new List<object>();

        public List<object> Seen { get; }

        public void Handle(Shutdown.View packet) => Seen.Add(new Shutdown());

        public void Handle(VerdictCommand.View packet) => Seen.Add(ViewRecords.From(packet));

        public void Handle(UpdateV4.View packet) => Seen.Add(ViewRecords.From(packet));

        public void Handle(UpdateV6.View packet) => Seen.Add(ViewRecords.From(packet));

        public void Handle(ClearCache.View packet) => Seen.Add(new ClearCache());

        public void Handle(GetLogs.View packet) => Seen.Add(new GetLogs());

        public void Handle(GetBandwidthStats.View packet) => Seen.Add(new GetBandwidthStats());

        public void Handle(PrintMemoryStats.View packet) => Seen.Add(new PrintMemoryStats());

        public void Handle(CleanEndedConnections.View packet) => Seen.Add(new CleanEndedConnections());

        public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) => throw new InvalidOperationException($"unknown type {packetType}");

        public void HandleError(ProtocolError error) => Seen.Add(error);
    }
}

internal static class FrameLists
{
    public static List<TPacket> ToList<TUnion, TPacket>(this FrameEnumerator<TUnion> frames, Func<FrameResult<TUnion>, TPacket> select)
        where TUnion : IPacketUnion<TUnion>
    {
        var list = new List<TPacket>();
        foreach (var frame in frames)
        {
            list.Add(select(frame));
        }

        return list;
    }
}
