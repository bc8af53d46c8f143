using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ProtocolGen.Portmaster;
using Xunit;

// The device is Windows-only; these tests drive it through a fake of its native calls, which runs anywhere.
#pragma warning disable CA1416

namespace ProtocolGen.Streaming.Tests.Device;

public sealed class WindowsDeviceTests
{
    [Fact]
    public void Opening_AsksForReadWrite_NoSharing_AnExistingDevice_AndOverlappedIo()
    {
        var api = new FakeWindowsDeviceApi();

        _ = new WindowsDevice(api, PortmasterDevice.Path);

        Assert.Equal((@"\\.\PortmasterKext", 0xC000_0000u, 0u, 3u, 0x4000_0000u), api.Opened);
    }

    [Fact]
    public async Task TheVersionRequest_SendsItsCodeWithAFourByteBuffer_AndReadsMajorMinorRevisionBuild()
    {
        var api = new FakeWindowsDeviceApi { Answer = _ => new byte[] { 2, 1, 0, 7 } };
        await using var client = new PortmasterClient(new WindowsDevice(api, PortmasterDevice.Path));

        var version = await client.GetVersionAsync();

        Assert.Equal(new DriverVersion(2, 1, 0, 7), version);
        var request = Assert.Single(api.Requests);
        Assert.Equal((0x9C40E000u, 0, 4), (request.Code, request.Input.Length, request.OutputLength));
    }

    [Fact]
    public async Task AVersionAnswerOfTheWrongSize_IsAnIOException()
    {
        var api = new FakeWindowsDeviceApi { Answer = _ => new byte[] { 2, 1 } };
        await using var client = new PortmasterClient(new WindowsDevice(api, PortmasterDevice.Path));

        var error = await Assert.ThrowsAsync<IOException>(async () => await client.GetVersionAsync());

        Assert.Contains("returned 2 bytes", error.Message);
    }

    [Fact]
    public void ADriverClaimingMoreBytesThanTheBufferHolds_IsAnIOException()
    {
        var api = new FakeWindowsDeviceApi { Answer = _ => new byte[4], ReportedCount = 5 };
        var device = new WindowsDevice(api, PortmasterDevice.Path);

        Assert.Throws<IOException>(() => device.IoControl(PortmasterDevice.VersionCode, default, new byte[4]));
    }

    [Fact]
    public async Task TheShutdownRequest_SendsItsCodeWithNoBuffers()
    {
        var api = new FakeWindowsDeviceApi();
        await using var client = new PortmasterClient(new WindowsDevice(api, PortmasterDevice.Path));

        await client.RequestShutdownAsync();

        Assert.Equal((0x9C40E004u, 0, 0), (api.Requests[0].Code, api.Requests[0].Input.Length, api.Requests[0].OutputLength));
    }

    [Fact]
    public async Task EachCommand_IsOneWriteFileCall_OfExactlyItsBytes()
    {
        var api = new FakeWindowsDeviceApi();
        await using var client = new PortmasterClient(new WindowsDevice(api, PortmasterDevice.Path));

        await client.SendVerdictAsync(42, Verdict.Block);
        await client.RequestLogsAsync();

        Assert.Equal(new[] { Command.EncodeFrame(new VerdictCommand(42, Verdict.Block)), Command.EncodeFrame(new GetLogs()) }, api.Writes);
    }

    [Fact]
    public async Task AWriteTheDriverTakesOnlyPartOf_IsAnIOException_AndTheRestIsNotSentSeparately()
    {
        var api = new FakeWindowsDeviceApi { Taken = length => length - 1 };
        await using var client = new PortmasterClient(new WindowsDevice(api, PortmasterDevice.Path));

        await Assert.ThrowsAsync<IOException>(async () => await client.SendVerdictAsync(1, Verdict.Accept));

        Assert.Single(api.Writes);
    }

    [Fact]
    public async Task Reads_AskForTheClientsReadSize_AndInfosCutAcrossReadsAreReassembled_UntilEndOfFile()
    {
        var api = new FakeWindowsDeviceApi();
        var frames = Info.EncodeFrame(new LogLine(Severity.Info, "first")).Concat(Info.EncodeFrame(new LogLine(Severity.Error, "second"))).ToArray();
        api.Reads.Enqueue(frames[..7]);
        api.Reads.Enqueue(frames[7..]);
        await using var client = new PortmasterClient(new WindowsDevice(api, PortmasterDevice.Path), new PacketReaderOptions { ReadSize = 1024 });

        var infos = new List<Info>();
        await foreach (var frame in client.ReadInfosAsync())
        {
            infos.Add(frame.Packet!);
        }

        Assert.Equal(new Info[] { new LogLine(Severity.Info, "first"), new LogLine(Severity.Error, "second") }, infos);
        Assert.Equal(new[] { 1024, 1024, 1024 }, api.ReadSizes);
    }

    [Fact]
    public void OpeningOffWindows_IsAPlatformNotSupportedException_NamingTheDevice()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // On Windows, opening is real and depends on the driver being installed.
        }

        var error = Assert.Throws<PlatformNotSupportedException>(() => PortmasterDevice.Open());

        Assert.Contains(@"\\.\PortmasterKext", error.Message);
    }
}
