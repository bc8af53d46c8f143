using System;
using ProtocolGen.Benchmarks.Handlers;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Benchmarks.Views;

/// <summary>The generated view path: a struct <see cref="Info.IViewHandler"/> that tallies what the struct handler (c) tallies, from views.</summary>
public struct ViewTallyHandler : Info.IViewHandler
{
    public InfoTally Tally;

    public void Handle(LogLine.View packet)
    {
        Tally.LogLines++;
        Tally.SeveritySum += (byte)packet.Severity;
    }

    public void Handle(ConnectionV4.View packet)
    {
        Tally.ConnectionsV4++;
        Tally.IdSum += packet.Id;
        Tally.PayloadBytes += packet.Payload.Length;
        Tally.PortSum += packet.LocalPort + packet.RemotePort;
    }

    public void Handle(ConnectionV6.View packet)
    {
        Tally.ConnectionsV6++;
        Tally.IdSum += packet.Id;
        Tally.PayloadBytes += packet.Payload.Length;
        Tally.PortSum += packet.LocalPort + packet.RemotePort;
    }

    public void Handle(ConnectionEndV4.View packet)
    {
        Tally.EndsV4++;
        Tally.ProcessIdSum += packet.ProcessId;
        Tally.PortSum += packet.LocalPort + packet.RemotePort;
    }

    public void Handle(ConnectionEndV6.View packet)
    {
        Tally.EndsV6++;
        Tally.ProcessIdSum += packet.ProcessId;
        Tally.PortSum += packet.LocalPort + packet.RemotePort;
    }

    public void Handle(BandwidthStatsV4.View packet)
    {
        Tally.StatsV4++;
        foreach (var value in packet.Values)
        {
            Tally.BandwidthValues++;
            Tally.TrafficSum += value.TransmittedBytes + value.ReceivedBytes;
        }
    }

    public void Handle(BandwidthStatsV6.View packet)
    {
        Tally.StatsV6++;
        foreach (var value in packet.Values)
        {
            Tally.BandwidthValues++;
            Tally.TrafficSum += value.TransmittedBytes + value.ReceivedBytes;
        }
    }

    public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) => Tally.Unknown++;

    public void HandleError(ProtocolError error) => Tally.Errors++;

    /// <summary>Runs the generated view reader over a buffer that holds a whole stream.</summary>
    public static InfoTally OverSpan(ReadOnlySpan<byte> stream)
    {
        var handler = default(ViewTallyHandler);
        Info.ReadViews(stream, ref handler);
        return handler.Tally;
    }
}
