using System;
using System.Buffers;
using System.Collections.Generic;
using CsCheck;
using ProtocolGen.Portmaster;
using Xunit;
using static ProtocolGen.Tests.Json.JsonTestHelpers;

namespace ProtocolGen.Tests.Properties;

public sealed class RoundTripProperties
{
    [Fact]
    public void AnyInfo_DecodesToItselfFromItsFrame() =>
        PortmasterGen.Info.Sample(info => Assert.Equal(info, Info.DecodeFrame(Info.EncodeFrame(info))), iter: 2000);

    [Fact]
    public void AnyCommand_DecodesToItselfFromItsFrame() =>
        PortmasterGen.Command.Sample(command => Assert.Equal(command, Command.DecodeFrame(Command.EncodeFrame(command))), iter: 2000);

    [Fact]
    public void AnyInfo_ReadsBackFromItsJson() =>
        PortmasterGen.Info.Sample(info => Assert.Equal(info, FromJson<Info>(ToJson(info))), iter: 1000);

    [Fact]
    public void AnyCommand_ReadsBackFromItsJson() =>
        PortmasterGen.Command.Sample(command => Assert.Equal(command, FromJson<Command>(ToJson(command))), iter: 1000);

    [Fact]
    public void AnySequenceOfInfos_DecodesInOrderFromOneBuffer() =>
        PortmasterGen.Info.Array[0, 30].Sample(infos =>
        {
            var stream = new ArrayBufferWriter<byte>();
            foreach (var info in infos)
            {
                Info.EncodeFrame(info, stream);
            }

            var decoded = new List<Info>();
            foreach (var frame in Info.DecodeFrames(stream.WrittenSpan))
            {
                Assert.True(frame.IsPacket, frame.Error?.Message);
                decoded.Add(frame.Packet!);
            }

            Assert.Equal(infos, decoded);
        }, iter: 300);

    [Fact]
    public void AnyBytes_DecodeWithoutThrowing_AndEveryByteBelongsToAFrame() =>
        Gen.Byte.Array[0, 600].Sample(bytes =>
        {
            long infoEnd = 0;
            foreach (var frame in Info.DecodeFrames(bytes))
            {
                Assert.Equal(infoEnd, frame.Offset);
                infoEnd += frame.Length;
            }

            long commandEnd = 0;
            foreach (var frame in Command.DecodeFrames(bytes))
            {
                Assert.Equal(commandEnd, frame.Offset);
                commandEnd += frame.Length;
            }

            Assert.True(infoEnd >= bytes.Length);
            Assert.Equal(bytes.Length, commandEnd);
        }, iter: 5000);
}
