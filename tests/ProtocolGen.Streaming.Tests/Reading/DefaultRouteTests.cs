using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ProtocolGen.Portmaster;
using ProtocolGen.Streaming.Tests.Support;
using Xunit;

namespace ProtocolGen.Streaming.Tests.Reading;

/// <summary>
/// A handler needs a method only for the kinds it cares about: the others reach <c>HandleOther</c>, called on the
/// handler itself, so what a struct handler counts there is kept (a default method run on a boxed copy would lose it).
/// </summary>
public sealed class DefaultRouteTests
{
    [Fact]
    public async Task KindsARecordHandlerDoesNotHandle_ReachHandleOther_AndItsStateIsKept()
    {
        var hostile = Frames.Hostile();

        var handler = await Info.ReadAsync(new MemoryStream(hostile.Bytes), new LogsOnly());

        Assert.Equal(hostile.GoodPackets.Count(p => p is LogLine), handler.Logs);
        Assert.Equal(hostile.GoodPackets.Count(p => p is not LogLine), handler.Others);
        Assert.True(handler.Others > 0);
        Assert.True(handler.Errors > 0);
    }

    [Fact]
    public async Task KindsAViewHandlerDoesNotHandle_ReachHandleOther_WithTheirTypeAndBody()
    {
        var hostile = Frames.Hostile();

        var handler = await Info.ReadViewsAsync(new MemoryStream(hostile.Bytes), new ConnectionViewsOnly());

        Assert.Equal(hostile.GoodPackets.OfType<ConnectionV4>().Sum(c => (long)c.Id), handler.IdSum);
        Assert.Equal(hostile.GoodPackets.Count(p => p is not ConnectionV4), handler.Others);
        Assert.Equal(hostile.GoodPackets.Count(p => p is LogLine), handler.OtherLogLines);
    }

    [Fact]
    public async Task AHandlerWithoutHandleOther_IgnoresTheKindsItDoesNotHandle()
    {
        var hostile = Frames.Hostile();

        var handler = await Info.ReadAsync(new MemoryStream(hostile.Bytes), new CountsConnectionsOnly());

        Assert.Equal(hostile.GoodPackets.Count(p => p is ConnectionV4), handler.Connections);
    }

    private struct LogsOnly : Info.IHandler
    {
        public int Logs;
        public int Others;
        public int Errors;

        public void Handle(LogLine packet) => Logs++;

        public void HandleOther(Info packet)
        {
            Assert.IsNotType<LogLine>(packet);
            Others++;
        }

        public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) => Errors++;

        public void HandleError(ProtocolError error) => Errors++;
    }

    private struct ConnectionViewsOnly : Info.IViewHandler
    {
        public long IdSum;
        public int Others;
        public int OtherLogLines;

        public void Handle(ConnectionV4.View packet) => IdSum += (long)packet.Id;

        public void HandleOther(byte packetType, ReadOnlySpan<byte> body)
        {
            Others++;
            OtherLogLines += packetType == 0 && LogLine.View.TryCreate(body, out _, out _) ? 1 : 0;
        }

        public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body)
        {
        }

        public void HandleError(ProtocolError error)
        {
        }
    }

    private struct CountsConnectionsOnly : Info.IHandler
    {
        public int Connections;

        public void Handle(ConnectionV4 packet) => Connections++;

        public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body)
        {
        }

        public void HandleError(ProtocolError error)
        {
        }
    }
}
