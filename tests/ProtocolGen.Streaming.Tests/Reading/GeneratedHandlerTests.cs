using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using ProtocolGen.Streaming.Tests.Support;
using Xunit;

namespace ProtocolGen.Streaming.Tests.Reading;

/// <summary>The generated handler API for an interface-rooted union with struct and class packets.</summary>
public sealed class GeneratedHandlerTests
{
    [Fact]
    public async Task EachPacketKind_ReachesItsOwnMethod_UnknownKindsTheirRawBody_AndErrorsTheErrorMethod()
    {
        var stream = Frames.Concat(new[]
        {
            IProbe.EncodeFrame(new Ping(7)),
            Frames.Raw(9, 3, new byte[] { 0xAB, 0xCD, 0xEF }),
            IProbe.EncodeFrame(new Note("hello")),
            Frames.Raw(1, 2, new byte[] { 1, 2 }),
            IProbe.EncodeFrame(new Ping(8)),
        });

        var handler = await IProbe.ReadAsync(new MemoryStream(stream), new ProbeHandler(), new PacketReaderOptions { ReadSize = 3 });

        Assert.Equal(
            new object[] { new Ping(7), "unknown 9: ABCDEF", new Note("hello"), ProtocolErrorKind.SizeMismatch, new Ping(8) },
            handler.Seen);
        Assert.Equal(15u, handler.SequenceSum);
    }

    private struct ProbeHandler : IProbe.IHandler
    {
        public ProbeHandler() => Seen = new List<object>();

        public List<object> Seen { get; }

        public uint SequenceSum;

        public void Handle(Ping packet)
        {
            SequenceSum += packet.Sequence;
            Seen.Add(packet);
        }

        public void Handle(Note packet) => Seen.Add(packet);

        public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) => Seen.Add($"unknown {packetType}: {Convert.ToHexString(body)}");

        public void HandleError(ProtocolError error) => Seen.Add(error.Kind);
    }
}
