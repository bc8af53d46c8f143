using System;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Benchmarks.Handlers;

/// <summary>The generated handler path: a struct <see cref="Info.IHandler"/> that tallies the records it is given.</summary>
public struct GeneratedTallyHandler : Info.IHandler
{
    public InfoTally Tally;

    public void Handle(LogLine packet)
    {
        Tally.LogLines++;
        Tally.SeveritySum += (byte)packet.Severity;
    }

    public void Handle(ConnectionV4 packet)
    {
        Tally.ConnectionsV4++;
        Tally.IdSum += packet.Id;
        Tally.PayloadBytes += packet.Payload.Length;
        Tally.PortSum += packet.LocalPort + packet.RemotePort;
    }

    public void Handle(ConnectionV6 packet)
    {
        Tally.ConnectionsV6++;
        Tally.IdSum += packet.Id;
        Tally.PayloadBytes += packet.Payload.Length;
        Tally.PortSum += packet.LocalPort + packet.RemotePort;
    }

    public void Handle(ConnectionEndV4 packet)
    {
        Tally.EndsV4++;
        Tally.ProcessIdSum += packet.ProcessId;
        Tally.PortSum += packet.LocalPort + packet.RemotePort;
    }

    public void Handle(ConnectionEndV6 packet)
    {
        Tally.EndsV6++;
        Tally.ProcessIdSum += packet.ProcessId;
        Tally.PortSum += packet.LocalPort + packet.RemotePort;
    }

    public void Handle(BandwidthStatsV4 packet)
    {
        Tally.StatsV4++;
        foreach (var value in packet.Values)
        {
            Tally.BandwidthValues++;
            Tally.TrafficSum += value.TransmittedBytes + value.ReceivedBytes;
        }
    }

    public void Handle(BandwidthStatsV6 packet)
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

    /// <summary>
    /// Runs the generated <see cref="Info.HandlerSink{THandler}"/> over a buffer that holds a whole stream: each
    /// frame of <c>Info.DecodeFrames</c> is handed to the sink with its bytes, as a reader would hand it.
    /// </summary>
    public static InfoTally OverSpan(ReadOnlySpan<byte> stream)
    {
        var sink = new Info.HandlerSink<GeneratedTallyHandler>(default);
        foreach (var frame in Info.DecodeFrames(stream))
        {
            var start = (int)frame.Offset;
            sink.OnFrame(frame, stream.Slice(start, (int)Math.Min(frame.Length, stream.Length - start)));
        }

        return sink.Handler.Tally;
    }
}
