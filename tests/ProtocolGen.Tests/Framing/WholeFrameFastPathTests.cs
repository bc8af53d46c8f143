using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using ProtocolGen.Framing;
using ProtocolGen.Internal;
using ProtocolGen.Portmaster;
using ProtocolGen.Wire;
using Xunit;

namespace ProtocolGen.Tests.Framing;

/// <summary>
/// FrameBody.TryOpenWhole and IsWholePacket, the good case a generated decoder takes first, agree with the full steps
/// (Open, then Close): a frame passes exactly when the full steps make it a packet, and everything else decodes, through
/// the generated decoders, to the same frame result (error kind, offsets, lengths, packet name) as the full steps give.
/// </summary>
public sealed class WholeFrameFastPathTests
{
    private static readonly FrameDecoderOptions[] Options =
    {
        default,
        new() { RejectTrailingBytes = true },
        new() { MaxBodyLength = 22 },
        new() { MaxBodyLength = 21, RejectTrailingBytes = true },
    };

    /// <summary>Good frames, and each way a length-framed frame can be bad.</summary>
    public static TheoryData<string, byte[]> Buffers()
    {
        var endV4 = Info.EncodeFrame(new ConnectionEndV4(7, Direction.Inbound, IpProtocol.Tcp, new Ipv4Address(1, 2, 3, 4), new Ipv4Address(5, 6, 7, 8), 80, 443));
        var log = Info.EncodeFrame(new LogLine(Severity.Warning, "disk nearly full"));
        var data = new TheoryData<string, byte[]>
        {
            { "empty", Array.Empty<byte>() },
            { "good ConnectionEndV4", endV4 },
            { "good LogLine", log },
            { "two frames", endV4.Concat(log).ToArray() },
            { "trailing bytes", Frame(3, endV4.AsSpan(5).ToArray().Concat(new byte[] { 9, 9 }).ToArray()) },
            { "body shorter than the fields", Frame(3, new byte[10]) },
            { "empty body", Frame(3, Array.Empty<byte>()) },
            { "unknown type", Frame(99, new byte[] { 1, 2, 3 }) },
            { "invalid text", Frame(0, new byte[] { 1, 0xC3, 0x28 }) },
            { "declared past the cap", Header(3, uint.MaxValue) },
            { "declared just past the default cap", Header(3, FrameDecoderOptions.DefaultMaxBodyLength + 1) },
        };

        for (var cut = 1; cut < endV4.Length; cut++)
        {
            data.Add($"cut at {cut}", endV4.AsSpan(0, cut).ToArray());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Buffers))]
    public void TryOpenWhole_PassesExactlyTheFramesOpenGivesABody_WithTheSameTypeAndBody(string name, byte[] buffer)
    {
        foreach (var options in Options)
        {
            foreach (var isFinalBlock in new[] { true, false })
            {
                var whole = FrameBody.TryOpenWhole(buffer, options, out var type, out var reader);
                var step = FrameBody.Open(buffer, FrameFormat.TypeAndLength32, isFinalBlock, options, out var body);

                Assert.True(whole == (step == FrameStep.Body), $"{name}: TryOpenWhole {whole}, Open {step}");
                if (whole)
                {
                    Assert.Equal(body.Type, type);
                    Assert.True(body.Reader.UnreadSpan.SequenceEqual(reader.UnreadSpan), name);
                    Assert.Equal(FrameHeader.TypeAndLength32Size + reader.Remaining, body.Length);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Buffers))]
    public void IsWholePacket_HoldsExactlyWhenCloseMakesAPacket(string name, byte[] buffer)
    {
        foreach (var options in Options)
        {
            if (!FrameBody.TryOpenWhole(buffer, options, out var type, out var reader))
            {
                continue;
            }

            var read = Info.FrameCodec.TryReadBody(type, ref reader, out _);
            _ = FrameBody.Open(buffer, FrameFormat.TypeAndLength32, true, options, out var body);
            var step = body.Close(FrameFormat.TypeAndLength32, Info.FrameCodec.TryReadBody(body.Type, ref body.Reader, out _), true, options);

            Assert.True((read && FrameBody.IsWholePacket(reader, options)) == (step == FrameStep.Packet), $"{name}: read {read}, Close {step}");
            if (step == FrameStep.Packet)
            {
                Assert.Equal(body.TrailingLength, reader.Remaining);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Buffers))]
    public void GeneratedDecoders_GiveTheFullStepsResult_ForEveryFrame(string name, byte[] buffer)
    {
        foreach (var options in Options)
        {
            var expected = FullSteps(buffer, options);

            var enumerated = new List<string>();
            foreach (var frame in Info.DecodeFrames(buffer, options))
            {
                enumerated.Add(Describe(frame));
            }

            Assert.Equal(expected, enumerated);

            foreach (var isFinalBlock in new[] { true, false })
            {
                var viaCodec = Info.FrameCodec.TryDecode(buffer, 0, isFinalBlock, options, out var codecFrame);
                var viaSteps = FrameDecoder.TryDecode<Info, PacketUnionCodec<Info>>(buffer, 0, isFinalBlock, options, out var stepsFrame);
                Assert.Equal(viaSteps, viaCodec);
                Assert.True(Describe(stepsFrame) == Describe(codecFrame), $"{name}, final {isFinalBlock}: {Describe(stepsFrame)} vs {Describe(codecFrame)}");
            }
        }
    }

    /// <summary>The frames of <paramref name="buffer"/> as the runtime's full steps decode them (Open, the body, Close).</summary>
    private static List<string> FullSteps(byte[] buffer, FrameDecoderOptions options)
    {
        var frames = new List<string>();
        var position = 0;
        while (FrameDecoder.TryDecode<Info, PacketUnionCodec<Info>>(buffer.AsSpan(position), position, true, options, out var frame))
        {
            frames.Add(Describe(frame));
            position = FrameBody.Next(position, buffer.Length, frame.Length);
        }

        return frames;
    }

    private static string Describe(FrameResult<Info> frame) =>
        $"{frame.Packet} | {(frame.Error is { } e ? $"{e.Kind} {e.Offset} {e.PacketType} {e.PacketName} {e.DeclaredLength} {e.BodyOffset}" : "no error")} | {frame.Offset} | {frame.Length} | {frame.TrailingLength}";

    private static byte[] Frame(byte type, byte[] body)
    {
        var frame = Header(type, (uint)body.Length);
        Array.Resize(ref frame, 5 + body.Length);
        body.CopyTo(frame, 5);
        return frame;
    }

    private static byte[] Header(byte type, uint declared)
    {
        var header = new byte[5];
        header[0] = type;
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(1), declared);
        return header;
    }
}
