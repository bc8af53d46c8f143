using System;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Benchmarks.Streaming;

/// <summary>A struct handler that only counts, so that what is measured is the reader and the decoding.</summary>
internal struct CountingHandler : Info.IHandler
{
    public long Connections;
    public long Others;

    public void Handle(ConnectionV4 packet) => Connections++;

    public void Handle(LogLine packet) => Others++;

    public void Handle(ConnectionV6 packet) => Others++;

    public void Handle(ConnectionEndV4 packet) => Others++;

    public void Handle(ConnectionEndV6 packet) => Others++;

    public void Handle(BandwidthStatsV4 packet) => Others++;

    public void Handle(BandwidthStatsV6 packet) => Others++;

    public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) => Others++;

    public void HandleError(ProtocolError error) => Others++;
}
