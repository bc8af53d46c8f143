using System.Collections.Immutable;
using System.Linq;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Tests.Views;

/// <summary>Records rebuilt from views through their accessors only, so comparing them with decoded records checks every accessor.</summary>
internal static class ViewRecords
{
    public static LogLine From(LogLine.View v) => new(v.Severity, v.GetLine());

    public static ConnectionV4 From(ConnectionV4.View v) => new(
        v.Id, v.ProcessId, v.Direction, v.Protocol, v.LocalIp, v.RemoteIp, v.LocalPort, v.RemotePort, v.PayloadLayer, v.Payload.ToArray());

    public static ConnectionV6 From(ConnectionV6.View v) => new(
        v.Id, v.ProcessId, v.Direction, v.Protocol, v.LocalIp, v.RemoteIp, v.LocalPort, v.RemotePort, v.PayloadLayer, v.Payload.ToArray());

    public static ConnectionEndV4 From(ConnectionEndV4.View v) => new(v.ProcessId, v.Direction, v.Protocol, v.LocalIp, v.RemoteIp, v.LocalPort, v.RemotePort);

    public static ConnectionEndV6 From(ConnectionEndV6.View v) => new(v.ProcessId, v.Direction, v.Protocol, v.LocalIp, v.RemoteIp, v.LocalPort, v.RemotePort);

    public static BandwidthStatsV4 From(BandwidthStatsV4.View v)
    {
        var values = ImmutableArray.CreateBuilder<BandwidthValueV4>(v.Values.Count);
        foreach (var e in v.Values)
        {
            values.Add(new BandwidthValueV4(e.LocalIp, e.LocalPort, e.RemoteIp, e.RemotePort, e.TransmittedBytes, e.ReceivedBytes));
        }

        return new BandwidthStatsV4(v.Protocol, values.MoveToImmutable());
    }

    public static BandwidthStatsV6 From(BandwidthStatsV6.View v)
    {
        var values = ImmutableArray.CreateBuilder<BandwidthValueV6>(v.Values.Count);
        foreach (var e in v.Values)
        {
            values.Add(new BandwidthValueV6(e.LocalIp, e.LocalPort, e.RemoteIp, e.RemotePort, e.TransmittedBytes, e.ReceivedBytes));
        }

        return new BandwidthStatsV6(v.Protocol, values.MoveToImmutable());
    }

    public static VerdictCommand From(VerdictCommand.View v) => new(v.Id, v.Verdict);

    public static UpdateV4 From(UpdateV4.View v) => new(v.Protocol, v.LocalAddress, v.LocalPort, v.RemoteAddress, v.RemotePort, v.Verdict);

    public static UpdateV6 From(UpdateV6.View v) => new(v.Protocol, v.LocalAddress, v.LocalPort, v.RemoteAddress, v.RemotePort, v.Verdict);

    public static string Hex(System.ReadOnlySpan<byte> bytes) => System.Convert.ToHexString(bytes);

    public static bool SameText(string text, System.ReadOnlySpan<byte> utf8) => System.MemoryExtensions.SequenceEqual(System.Text.Encoding.UTF8.GetBytes(text), utf8);
}
