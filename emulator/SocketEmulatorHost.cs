using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ProtocolGen;
using ProtocolGen.Devices;

namespace ProtocolGen.Portmaster.Emulator;

/// <summary>
/// Serves a <see cref="DriverEmulator"/> over Unix domain sockets, so that a client's reads and writes go
/// through the operating system's kernel: infos over a stream socket, commands as one sequenced packet per
/// write (so a split or merged command would reach the driver as a short or long write, and be rejected).
/// Control requests do not travel over the sockets: <see cref="Device"/> hands them to the emulator directly.
/// Needs sequenced-packet Unix sockets (Linux; not Windows).
/// </summary>
public sealed class SocketEmulatorHost : IAsyncDisposable
{
    private readonly Socket _infos;
    private readonly Socket _commands;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _infoPump;
    private readonly Task _commandPump;

    private SocketEmulatorHost(DriverEmulator driver, Socket infos, Socket commands, IDevice device, int driverReadSize)
    {
        Driver = driver;
        _infos = infos;
        _commands = commands;
        Device = device;
        _infoPump = Task.Run(() => PumpInfosAsync(driverReadSize));
        _commandPump = Task.Run(PumpCommandsAsync);
    }

    /// <summary>The emulated driver.</summary>
    public DriverEmulator Driver { get; }

    /// <summary>The client's end: give it to a client, which then owns it.</summary>
    public IDevice Device { get; }

    /// <summary>Connects a client device to <paramref name="driver"/> through two socket pairs.</summary>
    /// <param name="driver">The emulated driver to serve.</param>
    /// <param name="driverReadSize">How many bytes the driver side takes from the emulator per read request.</param>
    public static async Task<SocketEmulatorHost> StartAsync(DriverEmulator driver, int driverReadSize = 1024)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentOutOfRangeException.ThrowIfLessThan(driverReadSize, 1);
        var (hostInfos, clientInfos) = await ConnectPairAsync(SocketType.Stream).ConfigureAwait(false);
        var (hostCommands, clientCommands) = await ConnectPairAsync(SocketType.Seqpacket).ConfigureAwait(false);
        var device = new SocketDevice(driver, new SocketDeviceStream(driver, clientInfos, clientCommands));
        return new SocketEmulatorHost(driver, hostInfos, hostCommands, device, driverReadSize);
    }

    /// <summary>Stops serving and closes the driver's ends. Throws nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _infos.Dispose();
        _commands.Dispose();
        try
        {
            await Task.WhenAll(_infoPump, _commandPump).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The pumps end by cancellation or by their sockets closing under them.
        }
    }

    private async Task PumpInfosAsync(int readSize)
    {
        var buffer = new byte[readSize];
        while (true)
        {
            var count = await Driver.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
            if (count == 0)
            {
                // End of file for the client, as the driver ends reads after shutdown.
                _infos.Shutdown(SocketShutdown.Send);
                return;
            }

            for (var sent = 0; sent < count;)
            {
                sent += await _infos.SendAsync(buffer.AsMemory(sent, count - sent), SocketFlags.None, _stop.Token).ConfigureAwait(false);
            }
        }
    }

    private async Task PumpCommandsAsync()
    {
        // Larger than any command, so that a long write arrives whole and is rejected as long.
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var count = await _commands.ReceiveAsync(buffer, SocketFlags.None, _stop.Token).ConfigureAwait(false);
            if (count == 0)
            {
                return;
            }

            try
            {
                Driver.Write(buffer.AsSpan(0, count));
            }
            catch (IOException)
            {
                // Rejected; the emulator records it, and the driver goes on serving.
            }
        }
    }

    private static async Task<(Socket Host, Socket Client)> ConnectPairAsync(SocketType type)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pg-{Guid.NewGuid():N}.sock");
        var endPoint = new UnixDomainSocketEndPoint(path);
        using var listener = new Socket(AddressFamily.Unix, type, ProtocolType.Unspecified);
        listener.Bind(endPoint);
        try
        {
            listener.Listen(1);
            var client = new Socket(AddressFamily.Unix, type, ProtocolType.Unspecified);
            var accept = listener.AcceptAsync();
            await client.ConnectAsync(endPoint).ConfigureAwait(false);
            return (await accept.ConfigureAwait(false), client);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class SocketDevice : IDevice
    {
        private readonly DriverEmulator _driver;

        public SocketDevice(DriverEmulator driver, Stream stream)
        {
            _driver = driver;
            Stream = stream;
        }

        public Stream Stream { get; }

        public ValueTask<int> IoControlAsync(uint code, ReadOnlyMemory<byte> input, Memory<byte> output, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new ValueTask<int>(_driver.IoControl(code, input.Span, output.Span));
        }

        public ValueTask DisposeAsync() => Stream.DisposeAsync();
    }
}
