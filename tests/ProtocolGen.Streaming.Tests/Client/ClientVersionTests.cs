using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ProtocolGen.Devices;
using ProtocolGen.Portmaster;
using Xunit;

namespace ProtocolGen.Streaming.Tests.Client;

/// <summary>The version request trusts no count a device reports: one past the buffer is a typed error.</summary>
public sealed class ClientVersionTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public async Task AVersionCountPastTheBuffer_IsAnIOExceptionNamingIt(int reported)
    {
        await using var client = new PortmasterClient(new CountingDevice(reported));

        var error = await Assert.ThrowsAsync<IOException>(async () => await client.GetVersionAsync());

        Assert.Contains($"reported {reported} bytes for a buffer of 4 bytes", error.Message);
    }

    [Fact]
    public async Task AVersionOfExactlyFourBytes_IsRead()
    {
        await using var client = new PortmasterClient(new CountingDevice(4));

        var version = await client.GetVersionAsync();

        Assert.Equal(DriverVersion.Read([1, 2, 3, 4]), version);
    }

    // A device whose version request fills 1, 2, 3, 4 and then reports the count it was given.
    private sealed class CountingDevice(int reported) : IDevice
    {
        public Stream Stream { get; } = new MemoryStream();

        public ValueTask<int> IoControlAsync(uint code, ReadOnlyMemory<byte> input, Memory<byte> output, CancellationToken cancellationToken = default)
        {
            ((ReadOnlySpan<byte>)[1, 2, 3, 4]).CopyTo(output.Span);
            return ValueTask.FromResult(reported);
        }

        public ValueTask DisposeAsync() => Stream.DisposeAsync();
    }
}
