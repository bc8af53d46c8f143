using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ProtocolGen.Devices;

namespace ProtocolGen.Portmaster.Emulator;

/// <summary>
/// The client's end of a device served over Unix domain sockets: reads come from a stream socket (the kernel
/// cuts the bytes where it likes), and each write is one message on a sequenced-packet socket, which keeps
/// message boundaries, so the driver sees exactly the writes the client made.
/// </summary>
internal sealed class SocketDeviceStream : DeviceStreamBase
{
    private readonly DriverEmulator _driver;
    private readonly Socket _infos;
    private readonly Socket _commands;

    public SocketDeviceStream(DriverEmulator driver, Socket infos, Socket commands)
    {
        _driver = driver;
        _infos = infos;
        _commands = commands;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _infos.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => _infos.Receive(buffer, offset, count, SocketFlags.None);

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            // An empty packet would read as the end of the command socket and stop the driver's side, so it is
            // handed to the driver here, which rejects (records and throws for) it as the in-memory device does.
            _driver.Write(buffer.Span);
            return;
        }

        var sent = await _commands.SendAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        if (sent != buffer.Length)
        {
            throw new IOException($"The socket took {sent} of a {buffer.Length}-byte write.");
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _infos.Dispose();
            _commands.Dispose();
        }

        base.Dispose(disposing);
    }
}
