using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.Versioning;
using System.Threading;
using System.Threading.Tasks;
using ProtocolGen;
using ProtocolGen.Devices;
using ProtocolGen.Framing;
using ProtocolGen.Streaming;

namespace ProtocolGen.Portmaster;

/// <summary>
/// A client of the Portmaster driver over a device it owns, real (<see cref="PortmasterDevice.Open"/>) or
/// emulated: reads infos, sends commands (one per write, safe from many tasks at once) and control requests.
/// </summary>
public sealed class PortmasterClient : IAsyncDisposable
{
    private static readonly Command ShutdownCommand = new Shutdown();
    private static readonly Command ClearCacheCommand = new ClearCache();
    private static readonly Command GetLogsCommand = new GetLogs();
    private static readonly Command GetBandwidthStatsCommand = new GetBandwidthStats();

    private readonly IDevice _device;
    private readonly CommandWriter<Command> _writer;
    // One for the client's life, so that what one read loop decoded and did not deliver reaches the next.
    private readonly PacketStreamReader<Info> _reader;
    // Cancelled on disposal and never disposed itself, so read loops still running can keep linking to it.
    private readonly CancellationTokenSource _lifetime = new();
    private int _disposed;

    /// <summary>Takes ownership of <paramref name="device"/>.</summary>
    /// <param name="device">The driver's device, real or emulated.</param>
    /// <param name="readerOptions">How infos are read; the read size defaults to 16 KiB.</param>
    public PortmasterClient(IDevice device, PacketReaderOptions readerOptions = default)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        _writer = new CommandWriter<Command>(device.Stream);
        _reader = new PacketStreamReader<Info>(device.Stream, readerOptions);
    }

    /// <summary>The device this client owns.</summary>
    public IDevice Device => _device;

    /// <summary>Opens the driver's device on Windows.</summary>
    [SupportedOSPlatform("windows")]
    public static PortmasterClient Open(PacketReaderOptions readerOptions = default) => new(PortmasterDevice.Open(), readerOptions);

    /// <summary>
    /// Reads infos until the driver ends the stream (after a shutdown) or this client is disposed: each a packet
    /// or a typed error for a bad frame, which is skipped. A loop left early (<c>break</c>, cancellation) loses
    /// nothing: the next read loop, of either API, goes on with the next info. One read loop at a time; a second
    /// while one runs is an <see cref="InvalidOperationException"/>.
    /// </summary>
    public async IAsyncEnumerable<FrameResult<Info>> ReadInfosAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        var frames = _reader.ReadAllAsync(linked.Token).GetAsyncEnumerator(linked.Token);
        await using (frames.ConfigureAwait(false))
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await frames.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (EndedByDisposal(e))
                {
                    more = false;
                }

                if (!more)
                {
                    yield break;
                }

                yield return frames.Current;
            }
        }
    }

    /// <summary>
    /// Reads infos into <paramref name="handler"/> until the driver ends the stream, and returns the handler
    /// with its final state. The hot path: the reader allocates nothing per frame. A read cut short by
    /// disposing this client ends with <see cref="OperationCanceledException"/>, since the handler's state is
    /// then incomplete. Frames are delivered exactly once across read loops, as with the enumerable API.
    /// </summary>
    public async ValueTask<THandler> ReadInfosAsync<THandler>(THandler handler, CancellationToken cancellationToken = default)
        where THandler : struct, Info.IHandler
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        try
        {
            return (await _reader.ReadAsync(new Info.HandlerSink<THandler>(handler), linked.Token).ConfigureAwait(false)).Handler;
        }
        catch (Exception e) when (e is not OperationCanceledException && EndedByDisposal(e))
        {
            throw new OperationCanceledException("The client was disposed while reading.", e, _lifetime.Token);
        }
    }

    /// <summary>Sends <paramref name="command"/> in one write.</summary>
    public ValueTask SendAsync(Command command, CancellationToken cancellationToken = default) => _writer.WriteAsync(command, cancellationToken);

    /// <summary>Answers the connection info with <paramref name="connectionId"/>.</summary>
    public ValueTask SendVerdictAsync(ulong connectionId, Verdict verdict, CancellationToken cancellationToken = default) =>
        SendAsync(new VerdictCommand(connectionId, verdict), cancellationToken);

    /// <summary>Changes the cached verdict of an IPv4 connection.</summary>
    public ValueTask UpdateVerdictAsync(IpProtocol protocol, Ipv4Address localAddress, ushort localPort, Ipv4Address remoteAddress, ushort remotePort, Verdict verdict, CancellationToken cancellationToken = default) =>
        SendAsync(new UpdateV4(protocol, localAddress, localPort, remoteAddress, remotePort, verdict), cancellationToken);

    /// <summary>Changes the cached verdict of an IPv6 connection.</summary>
    public ValueTask UpdateVerdictAsync(IpProtocol protocol, Ipv6Address localAddress, ushort localPort, Ipv6Address remoteAddress, ushort remotePort, Verdict verdict, CancellationToken cancellationToken = default) =>
        SendAsync(new UpdateV6(protocol, localAddress, localPort, remoteAddress, remotePort, verdict), cancellationToken);

    /// <summary>Drops the driver's verdict cache.</summary>
    public ValueTask ClearCacheAsync(CancellationToken cancellationToken = default) => SendAsync(ClearCacheCommand, cancellationToken);

    /// <summary>Asks the driver to queue its buffered log lines as <see cref="LogLine"/> infos.</summary>
    public ValueTask RequestLogsAsync(CancellationToken cancellationToken = default) => SendAsync(GetLogsCommand, cancellationToken);

    /// <summary>Asks the driver to queue its bandwidth statistics as <see cref="BandwidthStatsV4"/> and <see cref="BandwidthStatsV6"/> infos.</summary>
    public ValueTask RequestBandwidthStatsAsync(CancellationToken cancellationToken = default) => SendAsync(GetBandwidthStatsCommand, cancellationToken);

    /// <summary>Asks the driver for its interface version.</summary>
    /// <exception cref="System.IO.IOException">The device reported more bytes than the version buffer holds (or a negative count).</exception>
    public async ValueTask<DriverVersion> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        var returned = new byte[DriverVersion.Size];
        var reported = await _device.IoControlAsync(PortmasterDevice.VersionCode, ReadOnlyMemory<byte>.Empty, returned, cancellationToken).ConfigureAwait(false);
        return DriverVersion.Read(returned.AsSpan(0, ReadCount.Check(reported, returned.Length, "The device's version request")));
    }

    /// <summary>
    /// Shuts the driver down with the <see cref="Shutdown"/> command: it ends pending and future reads, so
    /// every read loop of this client finishes normally.
    /// </summary>
    public ValueTask ShutdownAsync(CancellationToken cancellationToken = default) => SendAsync(ShutdownCommand, cancellationToken);

    /// <summary>Sends the shutdown control request, which ends pending and future reads like <see cref="ShutdownAsync"/>.</summary>
    public async ValueTask RequestShutdownAsync(CancellationToken cancellationToken = default) =>
        await _device.IoControlAsync(PortmasterDevice.ShutdownCode, ReadOnlyMemory<byte>.Empty, Memory<byte>.Empty, cancellationToken).ConfigureAwait(false);

    /// <summary>Ends pending reads (an info loop finishes as if the stream ended) and closes the device. Throws nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _lifetime.Cancel();
        try
        {
            await _device.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            // The device is being closed on purpose; what closing reports changes nothing for the caller.
        }
        finally
        {
            _reader.Dispose();
        }
    }

    // A read cut short because this client is being disposed ends the loop; any other failure is the caller's to see.
    private bool EndedByDisposal(Exception e) =>
        Volatile.Read(ref _disposed) != 0 && e is OperationCanceledException or IOException or ObjectDisposedException or System.Net.Sockets.SocketException;
}
