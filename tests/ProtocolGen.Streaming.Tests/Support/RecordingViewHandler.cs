using System;
using System.Collections.Generic;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Streaming.Tests.Support;

/// <summary>A struct view handler that writes down every call as <see cref="RecordingHandler"/> does, each view as its record.</summary>
internal struct RecordingViewHandler : Info.IViewHandler
{
    public RecordingViewHandler() => Events = new List<object>();

    public List<object> Events { get; }

    public int Calls;

    public void Handle(LogLine.View packet) => Record(packet.ToRecord());

    public void Handle(ConnectionV4.View packet) => Record(packet.ToRecord());

    public void Handle(ConnectionV6.View packet) => Record(packet.ToRecord());

    public void Handle(ConnectionEndV4.View packet) => Record(packet.ToRecord());

    public void Handle(ConnectionEndV6.View packet) => Record(packet.ToRecord());

    public void Handle(BandwidthStatsV4.View packet) => Record(packet.ToRecord());

    public void Handle(BandwidthStatsV6.View packet) => Record(packet.ToRecord());

    public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) => Record(new UnknownFrame(packetType, Convert.ToHexString(body)));

    public void HandleError(ProtocolError error) => Record(error);

    private void Record(object e)
    {
        Calls++;
        Events.Add(e);
    }
}
