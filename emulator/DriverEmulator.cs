using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ProtocolGen;
using ProtocolGen.Framing;

namespace ProtocolGen.Portmaster.Emulator;

/// <summary>
/// The Portmaster driver's side of the device, as protocol.md describes it, for testing clients without
/// Windows. Reads are filled with as many queued info frames as fit, a frame that does not fit is cut and
/// its remainder starts the next read, and a read waits until something is queued. Each write must hold
/// exactly one command: a short or long write is rejected. Shutdown (the command or the control request)
/// ends pending and future reads with end of file. Thread-safe.
/// </summary>
public sealed class DriverEmulator
{
    /// <summary>The driver drops a log line longer than this many bytes rather than split it.</summary>
    public const int MaxLogLineBytes = 500;

    private readonly object _gate = new();
    private readonly Queue<byte[]> _queue = new();
    private readonly Dictionary<ulong, Info> _pending = new();
    private readonly Dictionary<ulong, Verdict> _answered = new();
    private readonly List<VerdictCommand> _unmatchedVerdicts = new();
    private readonly Dictionary<Command, Verdict> _cache = new();
    private readonly List<Command> _commands = new();
    private readonly List<ProtocolError> _rejectedWrites = new();
    private readonly List<LogLine> _logs = new();
    private readonly List<BandwidthValueV4> _tcp4 = new();
    private readonly List<BandwidthValueV4> _udp4 = new();
    private readonly List<BandwidthValueV6> _tcp6 = new();
    private readonly List<BandwidthValueV6> _udp6 = new();
    private int _headOffset;
    private TaskCompletionSource? _arrival;
    private bool _shutDown;

    /// <summary>Whether the driver has been shut down: reads return end of file.</summary>
    public bool IsShutDown
    {
        get
        {
            lock (_gate)
            {
                return _shutDown;
            }
        }
    }

    /// <summary>Connection infos queued and not yet answered by a verdict.</summary>
    public int PendingConnectionCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>The verdict each answered connection got, by connection id.</summary>
    public IReadOnlyDictionary<ulong, Verdict> AnsweredVerdicts
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<ulong, Verdict>(_answered);
            }
        }
    }

    /// <summary>Verdicts for no pending connection: an unknown id, or one already answered.</summary>
    public IReadOnlyList<VerdictCommand> UnmatchedVerdicts => Snapshot(_unmatchedVerdicts);

    /// <summary>Every command accepted, in the order the writes arrived.</summary>
    public IReadOnlyList<Command> Commands => Snapshot(_commands);

    /// <summary>Writes rejected for not holding exactly one command, with what was wrong.</summary>
    public IReadOnlyList<ProtocolError> RejectedWrites => Snapshot(_rejectedWrites);

    /// <summary>How many verdicts the cache holds (set by UpdateV4/UpdateV6, dropped by ClearCache).</summary>
    public int CachedVerdictCount
    {
        get
        {
            lock (_gate)
            {
                return _cache.Count;
            }
        }
    }

    /// <summary>Queues <paramref name="info"/> for the client; a connection info waits for its verdict.</summary>
    public void Enqueue(Info info)
    {
        var frame = Info.EncodeFrame(info);
        lock (_gate)
        {
            if (_shutDown)
            {
                return;
            }

            switch (info)
            {
                case ConnectionV4 v4:
                    _pending[v4.Id] = info;
                    break;
                case ConnectionV6 v6:
                    _pending[v6.Id] = info;
                    break;
            }

            QueueFrame(frame);
        }
    }

    /// <summary>Buffers a log line until the client asks for logs; longer than <see cref="MaxLogLineBytes"/>, it is dropped.</summary>
    public void Log(Severity severity, string line)
    {
        if (Encoding.UTF8.GetByteCount(line) > MaxLogLineBytes)
        {
            return;
        }

        lock (_gate)
        {
            _logs.Add(new LogLine(severity, line));
        }
    }

    /// <summary>Records traffic of an IPv4 connection, reported at the next GetBandwidthStats.</summary>
    public void RecordTraffic(IpProtocol protocol, BandwidthValueV4 value)
    {
        lock (_gate)
        {
            (protocol == IpProtocol.Tcp ? _tcp4 : protocol == IpProtocol.Udp ? _udp4 : throw Unsupported(protocol)).Add(value);
        }
    }

    /// <summary>Records traffic of an IPv6 connection, reported at the next GetBandwidthStats.</summary>
    public void RecordTraffic(IpProtocol protocol, BandwidthValueV6 value)
    {
        lock (_gate)
        {
            (protocol == IpProtocol.Tcp ? _tcp6 : protocol == IpProtocol.Udp ? _udp6 : throw Unsupported(protocol)).Add(value);
        }
    }

    /// <summary>
    /// A read request: waits until an info is queued, then fills <paramref name="destination"/> with as many
    /// queued bytes as fit, cutting the last frame if need be. Returns 0 (end of file) after shutdown.
    /// </summary>
    public async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task arrival;
            lock (_gate)
            {
                if (_shutDown || destination.IsEmpty)
                {
                    return 0;
                }

                if (_queue.Count > 0)
                {
                    return Fill(destination.Span);
                }

                _arrival ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                arrival = _arrival.Task;
            }

            await arrival.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A write request, which must hold exactly one command. A short or long write, or one that is no command
    /// at all, is rejected with <see cref="IOException"/> (and recorded); an unknown type byte is logged and
    /// ignored, as the driver does.
    /// </summary>
    public void Write(ReadOnlySpan<byte> write)
    {
        Command command;
        try
        {
            command = FrameDecoder.DecodeSingle<Command>(write);
        }
        catch (ProtocolException e) when (e.Error.Kind == ProtocolErrorKind.UnknownType)
        {
            lock (_gate)
            {
                _logs.Add(new LogLine(Severity.Warning, $"unknown command type {e.Error.PacketType}"));
            }

            return;
        }
        catch (ProtocolException e)
        {
            lock (_gate)
            {
                _rejectedWrites.Add(e.Error);
            }

            throw new IOException($"The driver rejects a write of {write.Length} bytes: {e.Error.Message}", e);
        }

        lock (_gate)
        {
            _commands.Add(command);
            Execute(command);
        }
    }

    /// <summary>
    /// A control request: <see cref="PortmasterDevice.VersionCode"/> returns the version's 4 bytes,
    /// <see cref="PortmasterDevice.ShutdownCode"/> shuts down. Returns the bytes written to <paramref name="output"/>.
    /// </summary>
    public int IoControl(uint code, ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (code == PortmasterDevice.VersionCode)
        {
            if (output.Length < DriverVersion.Size)
            {
                throw new IOException($"The version request needs a {DriverVersion.Size}-byte output buffer; it got {output.Length}.");
            }

            DriverVersion.Current.WriteTo(output);
            return DriverVersion.Size;
        }

        if (code == PortmasterDevice.ShutdownCode)
        {
            lock (_gate)
            {
                ShutDown();
            }

            return 0;
        }

        throw new IOException($"The driver does not know control request 0x{code:X8}.");
    }

    // Under the lock.
    private void Execute(Command command)
    {
        switch (command)
        {
            case Shutdown:
                ShutDown();
                break;
            case VerdictCommand verdict when _pending.Remove(verdict.Id):
                _answered.Add(verdict.Id, verdict.Verdict);
                break;
            case VerdictCommand verdict:
                _unmatchedVerdicts.Add(verdict);
                break;
            case UpdateV4 update:
                _cache[update with { Verdict = default }] = update.Verdict;
                break;
            case UpdateV6 update:
                _cache[update with { Verdict = default }] = update.Verdict;
                break;
            case ClearCache:
                _cache.Clear();
                break;
            case GetLogs:
                foreach (var line in _logs)
                {
                    QueueFrame(Info.EncodeFrame(line));
                }

                _logs.Clear();
                break;
            case GetBandwidthStats:
                QueueStats(IpProtocol.Tcp, _tcp4, _tcp6);
                QueueStats(IpProtocol.Udp, _udp4, _udp6);
                break;
            case PrintMemoryStats:
                _logs.Add(new LogLine(Severity.Info, $"memory: {_pending.Count} pending connections, {_cache.Count} cached verdicts"));
                break;
            case CleanEndedConnections:
                break;
        }
    }

    // Under the lock. Stats are traffic since the last report, so a report empties them.
    private void QueueStats(IpProtocol protocol, List<BandwidthValueV4> v4, List<BandwidthValueV6> v6)
    {
        if (v4.Count > 0)
        {
            QueueFrame(Info.EncodeFrame(new BandwidthStatsV4(protocol, v4.ToImmutableArray())));
            v4.Clear();
        }

        if (v6.Count > 0)
        {
            QueueFrame(Info.EncodeFrame(new BandwidthStatsV6(protocol, v6.ToImmutableArray())));
            v6.Clear();
        }
    }

    // Under the lock.
    private void QueueFrame(byte[] frame)
    {
        if (_shutDown)
        {
            return;
        }

        _queue.Enqueue(frame);
        Wake();
    }

    // Under the lock.
    private void ShutDown()
    {
        _shutDown = true;
        _queue.Clear();
        _headOffset = 0;
        Wake();
    }

    // Under the lock.
    private void Wake()
    {
        var arrival = _arrival;
        _arrival = null;
        arrival?.TrySetResult();
    }

    // Under the lock: whole frames while they fit, then as much of the next as fits; its rest starts the next read.
    private int Fill(Span<byte> destination)
    {
        var written = 0;
        while (written < destination.Length && _queue.Count > 0)
        {
            var head = _queue.Peek();
            var count = Math.Min(head.Length - _headOffset, destination.Length - written);
            head.AsSpan(_headOffset, count).CopyTo(destination.Slice(written));
            written += count;
            _headOffset += count;
            if (_headOffset == head.Length)
            {
                _queue.Dequeue();
                _headOffset = 0;
            }
        }

        return written;
    }

    private List<T> Snapshot<T>(List<T> list)
    {
        lock (_gate)
        {
            return new List<T>(list);
        }
    }

    private static ArgumentOutOfRangeException Unsupported(IpProtocol protocol) =>
        new(nameof(protocol), protocol, "The driver reports bandwidth for TCP and UDP only.");
}
