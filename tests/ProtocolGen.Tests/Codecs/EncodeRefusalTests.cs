using System;
using System.Buffers;
using System.Collections.Immutable;
using System.Linq;
using ProtocolGen.Framing;
using ProtocolGen.Portmaster;
using ProtocolGen.Tests.Schemas;
using Xunit;

namespace ProtocolGen.Tests.Codecs;

/// <summary>Encoding checks everything before its first byte: a refused value throws WireEncodeException naming the field, and no destination sees a byte.</summary>
public sealed class EncodeRefusalTests
{
    private const byte Untouched = 0xCC;

    [Fact]
    public void APayloadThatPushesTheSizePast2GiB_IsRefusedNamingTheField_NotANegativeSize()
    {
        // 0x7FFFFFC7 payload bytes plus ConnectionV6's 59 fixed bytes pass int.MaxValue; the memory is never touched.
        var packet = Connection(new UntouchableMemory(0x7FFF_FFC7).Memory);
        var destination = Filled(64);

        Assert.Equal("payload", Assert.Throws<WireEncodeException>(() => packet.WireSize).Field);
        Assert.Equal("payload", Assert.Throws<WireEncodeException>(() => Info.EncodeFrame(packet)).Field);
        Assert.Equal("payload", Assert.Throws<WireEncodeException>(() => Info.EncodeFrame(packet, destination)).Field);
        Assert.All(destination, b => Assert.Equal(Untouched, b));
    }

    [Fact]
    public void AFrameLargerThanTheDecodersAccept_IsRefusedByDefault_AndWrittenWhenAllowed()
    {
        var line = new LogLine(Severity.Info, new string('x', FrameDecoderOptions.DefaultMaxBodyLength));
        var allowed = new FrameEncoderOptions { MaxBodyLength = 2 * FrameDecoderOptions.DefaultMaxBodyLength };

        var refused = Assert.Throws<WireEncodeException>(() => Info.EncodeFrame(line));
        var frame = FrameEncoder.ToArray<Info>(line, allowed);

        Assert.Contains("MaxBodyLength", refused.Message);
        Assert.Equal(line, FrameDecoder.DecodeSingle<Info>(frame, new FrameDecoderOptions { MaxBodyLength = allowed.MaxBodyLength }));
        Assert.Equal(ProtocolErrorKind.FrameTooLarge, Assert.Throws<ProtocolException>(() => Info.DecodeFrame(frame)).Error.Kind);
    }

    [Fact]
    public void ALoneSurrogate_IsRefusedNamingTheField_NotWrittenAsAReplacementCharacter()
    {
        var line = new LogLine(Severity.Info, "t\ud800st");
        var destination = Filled(64);
        var output = new ArrayBufferWriter<byte>();

        Assert.Equal("line", Assert.Throws<WireEncodeException>(() => Info.EncodeFrame(line, destination)).Field);
        Assert.Equal("line", Assert.Throws<WireEncodeException>(() => Info.EncodeFrame(line, output)).Field);
        Assert.Equal("line", Assert.Throws<WireEncodeException>(() => line.WriteTo(destination)).Field);
        Assert.All(destination, b => Assert.Equal(Untouched, b));
        Assert.Equal(0, output.WrittenCount);
    }

    [Fact]
    public void ValidSurrogatePairs_StillEncode()
    {
        var line = new LogLine(Severity.Info, "emoji \ud83d\ude00 ok");

        Assert.Equal(line, Info.DecodeFrame(Info.EncodeFrame(line)));
    }

    [Fact]
    public void NullMembers_AreRefusedNamingTheField_NotEncodedAsEmpty()
    {
        Assert.Equal("line", Assert.Throws<WireEncodeException>(() => Info.EncodeFrame(new LogLine(Severity.Info, null!))).Field);
        Assert.Equal("station", Assert.Throws<WireEncodeException>(() => ITelemetry.EncodeFrame(new Samples(null!, [], []))).Field);
        Assert.Equal("values", Assert.Throws<WireEncodeException>(() => ITelemetry.EncodeFrame(new Samples(new byte[3], null!, []))).Field);
        Assert.Equal("tags", Assert.Throws<WireEncodeException>(() => ITelemetry.EncodeFrame(new Samples(new byte[3], [], default))).Field);
        Assert.Equal("tags", Assert.Throws<WireEncodeException>(() => ITelemetry.EncodeFrame(new Samples(new byte[3], [], [null!]))).Field);
        Assert.Equal("values", Assert.Throws<WireEncodeException>(() => Info.EncodeFrame(new BandwidthStatsV4(IpProtocol.Tcp, default))).Field);
    }

    [Fact]
    public void TextTooLongForItsU8Prefix_IsRefusedBeforeAnyByteReachesTheSpan()
    {
        var note = new Note(default, new string('x', 300), ReadOnlyMemory<byte>.Empty);
        var destination = Filled(512);

        var error = Assert.Throws<WireEncodeException>(() => ITelemetry.EncodeFrame(note, destination));

        Assert.Equal("title", error.Field);
        Assert.All(destination, b => Assert.Equal(Untouched, b));
    }

    [Fact]
    public void WireEncodeException_IsAnArgumentException()
    {
        Assert.IsAssignableFrom<ArgumentException>(Assert.Throws<WireEncodeException>(() => Info.EncodeFrame(new LogLine(Severity.Info, null!))));
    }

    private static ConnectionV6 Connection(ReadOnlyMemory<byte> payload) =>
        new(1, 2, Direction.Inbound, IpProtocol.Tcp, default, default, 3, 4, 5, payload);

    private static byte[] Filled(int length) => Enumerable.Repeat(Untouched, length).ToArray();

    /// <summary>Memory that reports a length but has no bytes: sizing must never need them.</summary>
    private sealed class UntouchableMemory(int length) : MemoryManager<byte>
    {
        public override Span<byte> GetSpan() => throw new InvalidOperationException("The payload's bytes were touched.");

        public override MemoryHandle Pin(int elementIndex = 0) => throw new InvalidOperationException("The payload was pinned.");

        public override void Unpin()
        {
        }

        public new Memory<byte> Memory => CreateMemory(length);

        protected override void Dispose(bool disposing)
        {
        }
    }
}
