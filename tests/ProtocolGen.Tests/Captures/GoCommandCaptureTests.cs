using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using ProtocolGen.Portmaster;
using ProtocolGen.Tests.Shared;
using Xunit;

namespace ProtocolGen.Tests.Captures;

public sealed class GoCommandCaptureTests
{
    [Fact]
    public void DecodingTheCapture_YieldsFiveThousandCommands_WithTheValuesTheUpstreamClientWrote()
    {
        var commands = Decode(TestData.GoCommandCapture);

        Assert.Equal(5000, commands.Count);
        foreach (var command in commands)
        {
            Assert.Equal(CaptureValues.ExpectedCommand(command.PacketType), command);
        }
    }

    [Fact]
    public void TheCaptureDrawsFromEveryTypeButPrintMemoryStats()
    {
        var types = Decode(TestData.GoCommandCapture).Select(c => c.PacketType).ToHashSet();

        Assert.Equal(new byte[] { 0, 1, 2, 3, 4, 5, 6, 8 }, types.Order());
    }

    [Fact]
    public void EncodingTheSameCommandSequence_IsByteIdenticalToTheCapture()
    {
        var capture = TestData.GoCommandCapture;

        // Only the order of kinds comes from the capture; each command is built afresh from protocol.md's values.
        var sequence = Decode(capture).Select(c => CaptureValues.ExpectedCommand(c.PacketType));
        var output = new ArrayBufferWriter<byte>(capture.Length);
        foreach (var command in sequence)
        {
            Command.EncodeFrame(command, output);
        }

        Assert.Equal(capture, output.WrittenSpan.ToArray());
    }

    private static List<Command> Decode(byte[] capture)
    {
        var commands = new List<Command>();
        foreach (var frame in Command.DecodeFrames(capture))
        {
            Assert.True(frame.IsPacket, frame.Error?.Message);
            commands.Add(frame.Packet!);
        }

        return commands;
    }
}
