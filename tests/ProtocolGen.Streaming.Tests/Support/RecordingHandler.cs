using System;
using System.Collections.Generic;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Streaming.Tests.Support;

/// <summary>A struct handler that writes down every call, in order, as a readable event.</summary>
internal struct RecordingHandler : Info.IHandler
{
    public RecordingHandler() => Events = new List<object>();

    public List<object> Events { get; }

    public int Calls;

    public void Handle(LogLine packet) => Record(packet);

    public void Handle(ConnectionV4 packet) => Record(packet);

    public void Handle(ConnectionV6 packet) => Record(packet);

    public void Handle(ConnectionEndV4 packet) => Record(packet);

    public void Handle(ConnectionEndV6 packet) => Record(packet);

    public void Handle(BandwidthStatsV4 packet) => Record(packet);

    public void Handle(BandwidthStatsV6 packet) => Record(packet);

    public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) => Record(new UnknownFrame(packetType, Convert.ToHexString(body)));

    public void HandleError(ProtocolError error) => Record(error);

    private void Record(object e)
    {
        Calls++;
        Events.Add(e);
    }
}

/// <summary>What the handler saw of a frame of an unknown kind.</summary>
internal sealed record UnknownFrame(byte PacketType, string BodyHex);
