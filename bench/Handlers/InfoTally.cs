namespace ProtocolGen.Benchmarks.Handlers;

/// <summary>
/// What every handler variant computes from a stream: frames per kind and sums of the fields a real consumer
/// reads (ids, ports, payload and traffic bytes). Equal tallies are what verification compares.
/// </summary>
public record struct InfoTally
{
    public long LogLines;
    public long SeveritySum;
    public long ConnectionsV4;
    public long ConnectionsV6;
    public ulong IdSum;
    public long PayloadBytes;
    public long PortSum;
    public long EndsV4;
    public long EndsV6;
    public ulong ProcessIdSum;
    public long StatsV4;
    public long StatsV6;
    public long BandwidthValues;
    public ulong TrafficSum;
    public long Unknown;
    public long Errors;

    /// <summary>Every frame counted, good or bad.</summary>
    public readonly long Frames => LogLines + ConnectionsV4 + ConnectionsV6 + EndsV4 + EndsV6 + StatsV4 + StatsV6 + Unknown + Errors;
}
