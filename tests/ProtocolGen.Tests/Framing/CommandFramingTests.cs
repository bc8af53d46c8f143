using System;
using ProtocolGen.Framing;
using ProtocolGen.Portmaster;
using Xunit;

namespace ProtocolGen.Tests.Framing;

/// <summary>Commands carry no length: the body's own fields say where each ends.</summary>
public sealed class CommandFramingTests
{
    [Fact]
    public void APartialCommand_AsksForMoreData_UntilTheStreamEnds()
    {
        var verdict = Command.EncodeFrame(new VerdictCommand(5, Verdict.Accept));
        var partial = verdict.AsSpan(0, 6);

        var more = FrameDecoder.TryDecode<Command>(partial, 0, isFinalBlock: false, default, out _);
        var atEnd = FrameDecoder.TryDecode<Command>(partial, 0, isFinalBlock: true, default, out var frame);

        Assert.False(more);
        Assert.True(atEnd);
        Assert.Equal(ProtocolErrorKind.Truncated, frame.Error!.Kind);
        Assert.Equal("Verdict", frame.Error.PacketName);
    }

    [Fact]
    public void AnUnknownCommandType_IsReported_AndDecodingResumesAtTheNextByte()
    {
        var stream = MalformedInfoFrameTests.Concat(new byte[] { 200 }, Command.EncodeFrame(new GetLogs()));

        var frames = new System.Collections.Generic.List<FrameResult<Command>>();
        foreach (var frame in Command.DecodeFrames(stream))
        {
            frames.Add(frame);
        }

        Assert.Equal(ProtocolErrorKind.UnknownType, frames[0].Error!.Kind);
        Assert.Equal(1, frames[0].Length);
        Assert.IsType<GetLogs>(frames[1].Packet);
    }

    [Fact]
    public void OneWriteHoldingTwoCommands_IsRefusedAsASingleCommand()
    {
        var write = MalformedInfoFrameTests.Concat(Command.EncodeFrame(new ClearCache()), Command.EncodeFrame(new GetLogs()));

        var error = Assert.Throws<ProtocolException>(() => Command.DecodeFrame(write)).Error;

        Assert.Equal(ProtocolErrorKind.TrailingBytes, error.Kind);
        Assert.Equal("ClearCache", error.PacketName);
    }

    [Fact]
    public void AShortCommandWrite_IsTruncated()
    {
        var update = Command.EncodeFrame(new UpdateV6(IpProtocol.Tcp, default, 1, default, 2, Verdict.Block));

        var error = Assert.Throws<ProtocolException>(() => Command.DecodeFrame(update.AsSpan(0, update.Length - 1))).Error;

        Assert.Equal(ProtocolErrorKind.Truncated, error.Kind);
        Assert.Equal((byte)3, error.PacketType);
    }

    [Fact]
    public void ErrorMessages_SayWhatAndWhere()
    {
        var error = Assert.Throws<ProtocolException>(() => Command.DecodeFrame(new byte[] { 1, 2, 3 })).Error;

        Assert.Equal("the data ends inside the frame, 2 body bytes in (frame at offset 0, Verdict type 1)", error.Message);
    }
}
