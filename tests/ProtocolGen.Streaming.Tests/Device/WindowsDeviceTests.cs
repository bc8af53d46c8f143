using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ProtocolGen.Devices;
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
        var api = new FakeKernel32();

        _ = new WindowsDevice(api, PortmasterDevice.Path);

        Assert.Equal((@"\\.\PortmasterKext", 0xC000_0000u, 0u, 3u, 0x4000_0000u), api.Opened);
    }

    [Fact]
    public async Task TheVersionRequest_SendsItsCodeWithAFourByteBuffer_AndReadsMajorMinorRevisionBuild()
    {
        var api = new FakeKernel32 { ControlAnswer = _ => new byte[] { 2, 1, 0, 7 } };
        await using var client = new PortmasterClient(new WindowsDevice(api, PortmasterDevice.Path));

        var version = await client.GetVersionAsync();

        Assert.Equal(new DriverVersion(2, 1, 0, 7), version);
        var request = Assert.Single(api.Requests);
        Assert.Equal((FakeRequestKind.Control, 0x9C40E000u, 0, 4), (request.Kind, request.Code, request.Input.Length, request.Length));
    }

    [Fact]
    public async Task AVersionAnswerOfTheWrongSize_IsAnIOException()
    {
        var api = new FakeKernel32 { ControlAnswer = _ => new byte[] { 2, 1 } };
        await using var client = new PortmasterClient(new WindowsDevice(api, PortmasterDevice.Path));

        var error = await Assert.ThrowsAsync<IOException>(async () => await client.GetVersionAsync());

        Assert.Contains("returned 2 bytes", error.Message);
    }

    [Fact]
    public async Task ADriverClaimingMoreBytesThanTheBufferHolds_IsAnIOException()
    {
        var api = new FakeKernel32 { ControlAnswer = _ => new byte[4], ReportedCount = 5 };
        await using var device = new WindowsDevice(api, PortmasterDevice.Path);

        await Assert.ThrowsAsync<IOException>(async () => await device.IoControlAsync(PortmasterDevice.VersionCode, default, new byte[4]));
    }

    [Fact]
    public async Task TheShutdownRequest_SendsItsCodeWithNoBuffers()
    {
        var api = new FakeKernel32();
        await using var client = new PortmasterClient(new WindowsDevice(api, PortmasterDevice.Path));

        await client.RequestShutdownAsync();

        Assert.Equal((FakeRequestKind.Control, 0x9C40E004u, 0, 0), (api.Requests[0].Kind, api.Requests[0].Code, api.Requests[0].Input.Length, api.Requests[0].Length));
    }

    [Fact]
    public async Task EachCommand_IsOneWriteFileCall_OfExactlyItsBytes()
    {
        var api = new FakeKernel32();
        await using var client = new PortmasterClient(new WindowsDevice(api, PortmasterDevice.Path));

        await client.SendVerdictAsync(42, Verdict.Block);
        await client.RequestLogsAsync();

        Assert.Equal(new[] { Command.EncodeFrame(new VerdictCommand(42, Verdict.Block)), Command.EncodeFrame(new GetLogs()) }, api.Requests.Select(r => r.Input));
    }

    [Fact]
    public async Task AWriteTheDriverTakesOnlyPartOf_IsAnIOException_AndTheRestIsNotSentSeparately()
    {
        var api = new FakeKernel32 { Taken = length => length - 1 };
        await using var client = new PortmasterClient(new WindowsDevice(api, PortmasterDevice.Path));

        await Assert.ThrowsAsync<IOException>(async () => await client.SendVerdictAsync(1, Verdict.Accept));

        Assert.Single(api.Requests.Select(r => r.Input));
    }

    [Fact]
    public async Task Reads_AskForTheClientsReadSize_AndInfosCutAcrossReadsAreReassembled_UntilEndOfFile()
    {
        var api = new FakeKernel32();
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
        Assert.Equal(new[] { 1024, 1024, 1024 }, api.Requests.Select(r => r.Length));
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
