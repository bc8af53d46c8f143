using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ProtocolGen.Json;
using Xunit;

namespace ProtocolGen.Generator.Tests.Integration;

/// <summary>[Magic], [Fixed] and [ClosedEnum], generated, compiled and run (see <c>ConstantsSchema.cs</c>).</summary>
public sealed class ConstantsTests
{
    private const int Header = 5;

    private static readonly FileHeader Pcap = new(2, 4, LinkType.Ethernet);

    public static TheoryData<Constants> Packets() => new()
    {
        new Hello(1, Level.Mid, "hi ✓"),
        new Ping(),
        new Marked(true, -5, Level.High, 0x0102, (Colour)7, Options.Compressed | Options.Urgent, Sign.Minus, (Colour)200),
        new Marked(true, -5, Level.High, 0x0102, (Colour)7, Options.None, Sign.Plus, Colour.Green),
        new Capture(Pcap, 0xAB),
        new Envelope(7, new Wrapped(Pcap, new byte[] { 1, 2, 3 })),
        new Levels(new[] { Level.Low, Level.High }, ImmutableArray.Create(LinkType.Raw, LinkType.Ethernet)),
        new Levels(Array.Empty<Level>(), ImmutableArray<LinkType>.Empty),
    };

    [Theory]
    [MemberData(nameof(Packets))]
    public void EveryConstant_RoundTripsThroughItsFrame_AndItsJson(Constants packet)
    {
        var frame = Constants.EncodeFrame(packet);
        var decoded = Constants.DecodeFrame(frame);

        Assert.Equal(packet, decoded);
        Assert.Equal(frame, Constants.EncodeFrame(decoded));
        Assert.Equal(frame.Length - Header, packet.WireSize);
        Assert.Equal(packet, FromJson(ToJson(packet)));
    }

    [Fact]
    public void Magic_IsWrittenBeforeTheFirstField_AndCountedInTheSize()
    {
        Assert.Equal(new byte[] { 0x50, 0x47, 1, 2, 4, 0x68, 0x69, 0x20, 0x21 }, Body(new Hello(1, Level.Mid, "hi !")));
        Assert.Equal(new byte[] { 0x7E }, Body(new Ping()));
        Assert.Equal(new byte[] { 0xD4, 0xC3, 0xB2, 0xA1, 2, 0, 4, 0, 1, 0, 0, 0 }, Write(Pcap));
        Assert.Equal(12, FileHeader.MinWireSize);
        Assert.True(FileHeader.IsFixedSize);
        Assert.Equal(1, Ping.MinWireSize);
        Assert.Equal(new byte[] { 7, 0, 0xCA, 0xFE, 0xD4, 0xC3, 0xB2, 0xA1, 2, 0, 4, 0, 1, 0, 0, 0, 9 }, Body(new Envelope(7, new Wrapped(Pcap, new byte[] { 9 }))));
        Assert.Equal(new byte[] { 0xD4, 0xC3, 0xB2, 0xA1 }, FileHeader.WireMagic.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AMagicByteThatDiffers_IsFixedValueMismatch_AtThatByte(int index)
    {
        var bytes = Write(Pcap);
        bytes[index] ^= 0xFF;

        var error = Assert.Throws<ProtocolException>(() => FileHeader.ReadFrom(bytes)).Error;

        Assert.Equal(ProtocolErrorKind.FixedValueMismatch, error.Kind);
        Assert.Equal(index, error.BodyOffset);
    }

    [Fact]
    public void AMagicInsideABody_IsReportedAtItsBodyOffset_AndTheNextFrameStillDecodes()
    {
        var bad = Constants.EncodeFrame(new Envelope(7, new Wrapped(Pcap, new byte[] { 9 })));
        bad[Header + 2 + 2 + 1] = 0; // the nested header's second magic byte, after the id and Wrapped's own magic
        var good = Constants.EncodeFrame(new Ping());

        var errors = new System.Collections.Generic.List<ProtocolError?>();
        var packets = new System.Collections.Generic.List<Constants?>();
        foreach (var frame in Constants.DecodeFrames(bad.Concat(good).ToArray()))
        {
            errors.Add(frame.Error);
            packets.Add(frame.Packet);
        }

        Assert.Equal(2, errors.Count);
        Assert.Equal(ProtocolErrorKind.FixedValueMismatch, errors[0]!.Kind);
        Assert.Equal(5, errors[0]!.BodyOffset);
        Assert.Equal(0, errors[0]!.Offset);
        Assert.Equal(new Ping(), packets[1]);
    }

    [Fact]
    public void AShortMagic_IsASizeMismatch_NotAMismatch()
    {
        var frame = Constants.EncodeFrame(new Hello(1, Level.Low, string.Empty));

        var error = Assert.Throws<ProtocolException>(() => Hello.ReadFrom(frame.AsSpan(Header, 1))).Error;

        Assert.Equal(ProtocolErrorKind.SizeMismatch, error.Kind);
    }

    [Theory]
    [InlineData(0, 0)] // marker: false instead of true
    [InlineData(1, 0)] // bias: 0 instead of -5
    [InlineData(2, 1)] // fixed: Low instead of High
    [InlineData(4, 3)] // word: 01 03 instead of 01 02 (big-endian)
    [InlineData(5, 6)] // colour: 6 instead of 7 (an open enum, still fixed)
    public void AFixedFieldHoldingAnotherValue_IsFixedValueMismatch_AtTheField(int offset, byte value)
    {
        var frame = Constants.EncodeFrame(new Marked(true, -5, Level.High, 0x0102, (Colour)7, Options.None, Sign.Zero, Colour.Red));
        frame[Header + offset] = value;

        var error = Assert.Throws<ProtocolException>(() => Constants.DecodeFrame(frame)).Error;

        Assert.Equal(ProtocolErrorKind.FixedValueMismatch, error.Kind);
        Assert.Equal(offset == 4 ? 3 : offset, error.BodyOffset);
        Assert.Equal("Marked", error.PacketName);
    }

    [Fact]
    public void AFixedField_IsWrittenAsItsConstant_WhateverTheMemberHolds()
    {
        var written = Body(new Marked(false, 0, Level.Low, 0, Colour.Red, Options.None, Sign.Zero, Colour.Red));

        Assert.Equal(new byte[] { 1, 0xFB, 3, 1, 2, 7, 0, 0, 0, 0 }, written);
        Assert.Equal(new byte[] { 0x50, 0x47, 1, 3, 0 }, Body(new Hello(9, Level.High, string.Empty)));
    }

    [Fact]
    public void Equality_SkipsFixedFields_SoARecordEqualsWhatItDecodesTo()
    {
        var built = new Hello(9, Level.Mid, "x");
        var decoded = Constants.DecodeFrame(Constants.EncodeFrame(built));
        var header = Pcap with { VersionMajor = 0 };

        Assert.Equal(1, Assert.IsType<Hello>(decoded).Version);
        Assert.Equal(built, decoded);
        Assert.Equal(built.GetHashCode(), decoded.GetHashCode());
        Assert.Equal(header, FileHeader.ReadFrom(Write(header)));
        Assert.Equal(header.GetHashCode(), Pcap.GetHashCode());
        Assert.NotEqual(new Hello(1, Level.Mid, "y"), decoded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(255)]
    public void AClosedEnumsUnnamedValue_IsInvalidValue_AtTheField(byte level)
    {
        var frame = Constants.EncodeFrame(new Hello(1, Level.Low, "x"));
        frame[Header + 3] = level;

        var error = Assert.Throws<ProtocolException>(() => Constants.DecodeFrame(frame)).Error;

        Assert.Equal(ProtocolErrorKind.InvalidValue, error.Kind);
        Assert.Equal(3, error.BodyOffset);
    }

    [Theory]
    [InlineData(new byte[] { 0xD4, 0xC3, 0xB2, 0xA1, 2, 0, 4, 0, 2, 0, 0, 0 }, 8)]   // link type 2: not named (1 and 101 are)
    [InlineData(new byte[] { 0xD4, 0xC3, 0xB2, 0xA1, 3, 0, 4, 0, 1, 0, 0, 0 }, 4)]   // version 3
    public void AFileHeaderWithAnUnnamedLinkTypeOrAnotherVersion_IsRefusedAtTheField(byte[] bytes, int offset)
    {
        var error = Assert.Throws<ProtocolException>(() => FileHeader.ReadFrom(bytes)).Error;

        Assert.Equal(offset == 8 ? ProtocolErrorKind.InvalidValue : ProtocolErrorKind.FixedValueMismatch, error.Kind);
        Assert.Equal(offset, error.BodyOffset);
    }

    [Theory]
    [InlineData(0x00, 0x04, false)] // bit 2 is not named
    [InlineData(0x80, 0x00, false)]
    [InlineData(0x00, 0x0B, true)]  // Compressed | Signed | Urgent
    public void AClosedFlagsEnum_TakesAnyCombinationOfNamedBits(byte high, byte low, bool valid)
    {
        var frame = Constants.EncodeFrame(new Marked(true, -5, Level.High, 0x0102, (Colour)7, Options.None, Sign.Zero, Colour.Red));
        frame[Header + 6] = high;
        frame[Header + 7] = low;

        if (valid)
        {
            Assert.Equal((Options)0x0B, Assert.IsType<Marked>(Constants.DecodeFrame(frame)).Options);
            return;
        }

        var error = Assert.Throws<ProtocolException>(() => Constants.DecodeFrame(frame)).Error;
        Assert.Equal(ProtocolErrorKind.InvalidValue, error.Kind);
        Assert.Equal(6, error.BodyOffset);
    }

    [Fact]
    public void ASignedClosedEnum_RefusesItsUnnamedValues()
    {
        var frame = Constants.EncodeFrame(new Marked(true, -5, Level.High, 0x0102, (Colour)7, Options.None, Sign.Minus, Colour.Red));
        Assert.Equal(0xFF, frame[Header + 8]);
        frame[Header + 8] = 0xFE;

        var error = Assert.Throws<ProtocolException>(() => Constants.DecodeFrame(frame)).Error;

        Assert.Equal(ProtocolErrorKind.InvalidValue, error.Kind);
        Assert.Equal(8, error.BodyOffset);
    }

    [Fact]
    public void AClosedEnumArraysUnnamedElement_IsInvalidValue_AtThatElement()
    {
        var frame = Constants.EncodeFrame(new Levels(new[] { Level.Low, Level.High }, ImmutableArray.Create(LinkType.Raw, LinkType.Ethernet, LinkType.Raw)));
        frame[Header + 1 + 2 + 2 + 4] = 7; // links[1]: 7 instead of 1

        var error = Assert.Throws<ProtocolException>(() => Constants.DecodeFrame(frame)).Error;

        Assert.Equal(ProtocolErrorKind.InvalidValue, error.Kind);
        Assert.Equal(9, error.BodyOffset);

        frame[Header + 2] = 0; // values[1]: 0 instead of High
        Assert.Equal(2, Assert.Throws<ProtocolException>(() => Constants.DecodeFrame(frame)).Error.BodyOffset);
    }

    [Fact]
    public void AnOpenEnumsUnnamedValue_StillDecodesAndReencodes()
    {
        var packet = new Marked(true, -5, Level.High, 0x0102, (Colour)7, Options.None, Sign.Zero, (Colour)99);

        Assert.Equal((Colour)99, Assert.IsType<Marked>(Constants.DecodeFrame(Constants.EncodeFrame(packet))).Open);
    }

    [Fact]
    public void EncodingAClosedEnumsUnnamedValue_Throws_NamingTheField_BeforeAnyByteIsWritten()
    {
        var destination = new byte[64];

        var single = Assert.Throws<WireEncodeException>(() => new Hello(1, (Level)9, "x").WriteTo(destination));
        var flags = Assert.Throws<WireEncodeException>(() => Constants.EncodeFrame(new Marked(true, -5, Level.High, 0x0102, (Colour)7, (Options)4, Sign.Zero, Colour.Red)));
        var element = Assert.Throws<WireEncodeException>(() => Constants.EncodeFrame(new Levels(new[] { Level.Low, (Level)0 }, ImmutableArray<LinkType>.Empty)));
        var nested = Assert.Throws<WireEncodeException>(() => Constants.EncodeFrame(new Capture(Pcap with { Network = (LinkType)3 }, 0)));

        Assert.Equal("level", single.Field);
        Assert.Contains("9", single.Message, StringComparison.Ordinal);
        Assert.Contains("Level", single.Message, StringComparison.Ordinal);
        Assert.Equal("options", flags.Field);
        Assert.Equal("values[1]", element.Field);
        Assert.Equal("network", nested.Field);
        Assert.All(destination, b => Assert.Equal(0, b));
    }

    [Fact]
    public void AView_ChecksMagicFixedValuesAndClosedEnums_AsTheDecoderDoes()
    {
        var body = Body(new Marked(true, -5, Level.High, 0x0102, (Colour)7, Options.Signed, Sign.Plus, (Colour)42));
        var view = Marked.View.Create(body);
        Assert.Equal(Level.High, view.Fixed);
        Assert.Equal((ushort)0x0102, view.Word);
        Assert.Equal(Options.Signed, view.Options);
        Assert.Equal(Sign.Plus, view.Sign);
        Assert.Equal((Colour)42, view.Open);
        Assert.Equal(-1, Marked.View.PlainSize);

        var hello = Body(new Hello(1, Level.Mid, "hi"));
        Assert.Equal("hi", Hello.View.Create(hello).GetName());
        Assert.Equal(Level.Mid, Hello.View.Create(hello).Level);
        Assert.Equal(LinkType.Raw, FileHeader.View.Create(Write(Pcap with { Network = LinkType.Raw })).Network);
        Assert.Equal(-1, FileHeader.View.PlainSize);

        // A byte changed, and where the error is: the magic's differing byte, or the field holding it.
        foreach (var (bytes, index, value, at) in new (byte[], int, byte, int)[] { (hello, 1, 0x48, 1), (hello, 2, 2, 2), (hello, 3, 0, 3), (body, 2, 2, 2), (body, 7, 4, 6), (body, 8, 9, 8) })
        {
            var bad = bytes.ToArray();
            bad[index] = value;
            var error = bytes == hello
                ? Assert.Throws<ProtocolException>(() => Hello.View.Create(bad)).Error
                : Assert.Throws<ProtocolException>(() => Marked.View.Create(bad)).Error;
            var recordError = bytes == hello
                ? Assert.Throws<ProtocolException>(() => Hello.ReadFrom(bad)).Error
                : Assert.Throws<ProtocolException>(() => Marked.ReadFrom(bad)).Error;
            Assert.Equal(recordError.Kind, error.Kind);
            Assert.Equal(recordError.BodyOffset, error.BodyOffset);
            Assert.Equal(at, error.BodyOffset);
        }

        // A nested structure's magic, in its own view's check; and a record of magic alone.
        var envelope = Body(new Envelope(7, new Wrapped(Pcap, new byte[] { 9 })));
        Assert.Equal(LinkType.Ethernet, Envelope.View.Create(envelope).Body.Inner.Network);
        envelope[3] = 0;
        Assert.Equal(3, Assert.Throws<ProtocolException>(() => Envelope.View.Create(envelope)).Error.BodyOffset);
        envelope[3] = 0xFE;
        envelope[6] = 0;
        Assert.Equal(ProtocolErrorKind.FixedValueMismatch, Assert.Throws<ProtocolException>(() => Envelope.View.Create(envelope)).Error.Kind);
        Assert.Equal(1, Ping.View.Create(new byte[] { 0x7E }).WireLength);
        Assert.Equal(0, Assert.Throws<ProtocolException>(() => Ping.View.Create(new byte[] { 0x7F })).Error.BodyOffset);

        var levels = Body(new Levels(new[] { Level.Low }, ImmutableArray.Create(LinkType.Raw)));
        Assert.Equal(1, Levels.View.Create(levels).Links.Count);
        levels[^4] = 5;
        Assert.Equal(ProtocolErrorKind.InvalidValue, Assert.Throws<ProtocolException>(() => Levels.View.Create(levels)).Error.Kind);
    }

    [Fact]
    public void TheViewHandlerPath_RefusesTheSameFrames_WithTheSameErrors_AsTheRecordPath()
    {
        var badMagic = Constants.EncodeFrame(new Hello(1, Level.Low, "a"));
        badMagic[Header + 1] = 0;
        var badFixed = Constants.EncodeFrame(new Marked(true, -5, Level.High, 0x0102, (Colour)7, Options.None, Sign.Zero, Colour.Red));
        badFixed[Header + 5] = 0;
        var badClosed = Constants.EncodeFrame(new Levels(new[] { Level.Mid }, ImmutableArray<LinkType>.Empty));
        badClosed[Header + 1] = 9;
        var frames = badMagic.Concat(Constants.EncodeFrame(new Hello(1, Level.High, "b"))).Concat(badFixed).Concat(badClosed).Concat(Constants.EncodeFrame(new Ping())).ToArray();

        var records = new System.Collections.Generic.List<object>();
        foreach (var frame in Constants.DecodeFrames(frames))
        {
            records.Add(frame.IsPacket ? frame.Packet! : frame.Error!);
        }

        var handler = new Recorder();
        Constants.ReadViews(frames, ref handler);

        Assert.Equal(new object[] { "Hello", "Marked", "Levels" }, records.OfType<ProtocolError>().Select(e => (object)e.PacketName!));
        Assert.Equal(new[] { ProtocolErrorKind.FixedValueMismatch, ProtocolErrorKind.FixedValueMismatch, ProtocolErrorKind.InvalidValue }, records.OfType<ProtocolError>().Select(e => e.Kind));
        Assert.Equal(new[] { 1, 5, 1 }, records.OfType<ProtocolError>().Select(e => e.BodyOffset));
        Assert.Equal(records, handler.Seen);
    }

    private struct Recorder : Constants.IViewHandler
    {
        public Recorder() => Seen = new System.Collections.Generic.List<object>();

        public System.Collections.Generic.List<object> Seen { get; }

        public void Handle(Hello.View packet) => Seen.Add(new Hello(packet.Version, packet.Level, packet.GetName()));

        // Only Ping reaches the default here: the other kinds' frames are the bad ones.
        public void HandleOther(byte packetType, ReadOnlySpan<byte> body) => Seen.Add(packetType == 2 && body.SequenceEqual(Ping.WireMagic) ? new Ping() : $"other {packetType}");

        public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) => Seen.Add($"unknown {packetType}");

        public void HandleError(ProtocolError error) => Seen.Add(error);
    }

    [Fact]
    public void Json_LeavesOutTheMagic_WritesFixedFields_AndMayLeaveThemOut()
    {
        var json = ToJson(new Hello(1, Level.Mid, "hi"));

        Assert.Equal("""{"kind":"Hello","version":1,"level":"Mid","name":"hi"}""", json);
        Assert.Equal(new Hello(1, Level.High, "x"), FromJson("""{"kind":"Hello","level":"High","name":"x"}"""));
        Assert.Equal(new Marked(true, -5, Level.High, 0x0102, (Colour)7, Options.None, Sign.Zero, Colour.Red),
            FromJson("""{"kind":"Marked","options":"None","sign":"Zero","open":"Red"}"""));
        Assert.Throws<WireJsonException>(() => FromJson("""{"kind":"Ping","magic":"7e"}"""));
    }

    [Fact]
    public void Json_RefusesAFixedFieldGivenAnotherValue_AndWritesTheConstantTheFrameHolds()
    {
        var refused = Assert.Throws<WireJsonException>(() => FromJson("""{"kind":"Hello","version":9,"level":"Mid","name":"hi"}"""));
        Assert.Equal("version", refused.Field);

        // A record built with another value equals its decoded twin; both write the constant.
        Assert.Equal("""{"kind":"Hello","version":1,"level":"Mid","name":"hi"}""", ToJson(new Hello(9, Level.Mid, "hi")));
    }

    [Fact]
    public void Json_OfAClosedEnum_IsNamesOnly()
    {
        var number = Assert.Throws<WireJsonException>(() => FromJson("""{"kind":"Hello","version":1,"level":2,"name":"x"}"""));
        var unknown = Assert.Throws<WireJsonException>(() => FromJson("""{"kind":"Hello","version":1,"level":"Top","name":"x"}"""));
        var element = Assert.Throws<WireJsonException>(() => FromJson("""{"kind":"Levels","values":["Low",3],"links":[]}"""));

        Assert.Equal("level", number.Field);
        Assert.Contains("closed", number.Message, StringComparison.Ordinal);
        Assert.Equal("level", unknown.Field);
        Assert.Contains("closed", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("values[1]", element.Field);
        Assert.Equal("level", Assert.Throws<WireEncodeException>(() => ToJson(new Hello(1, (Level)7, "x"))).Field);
    }

    [Fact]
    public void Json_OfAClosedFlagsEnum_TakesNamesAndCombinationsOfNamedBits()
    {
        var both = new Marked(true, -5, Level.High, 0x0102, (Colour)7, Options.Compressed | Options.Signed, Sign.Zero, Colour.Red);
        var json = ToJson(both);

        Assert.Contains("\"options\":3", json, StringComparison.Ordinal);
        Assert.Equal(both, FromJson(json));
        Assert.Equal("options", Assert.Throws<WireJsonException>(() => FromJson(json.Replace("\"options\":3", "\"options\":4", StringComparison.Ordinal))).Field);
    }

    [Fact]
    public void TheLayout_DrawsTheMagic_AndMarksFixedAndClosedFields()
    {
        var hello = Assert.Single(Constants.Layouts, l => l.Name == "Hello");
        var marked = Assert.Single(Constants.Layouts, l => l.Name == "Marked");

        Assert.Equal(
            new[] { "0 2 magic bytes = 5047", "2 1 version u8 = 1", "3 1 level u8 Level, closed", "4 1 name.length u8", "5 - name utf8" },
            hello.Fields.Select(f => $"{f.Offset} {(f.Size is { } size ? size.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-")} {f.Name} {f.WireType}"));
        Assert.Equal(
            new[] { "bool = true", "i8 = -5", "u8 Level = High", "u16be = 258", "u8 Colour = 7", "u16be Options, closed", "i8 Sign, closed", "u8 Colour" },
            marked.Fields.Select(f => f.WireType));
        Assert.Equal(5, hello.MinSize);
        Assert.Contains("|             magic             |    version    |     level     |", hello.ToBitDiagram(), StringComparison.Ordinal);
        Assert.Contains("     0     2  magic (bytes = 5047)", hello.ToDiagram(), StringComparison.Ordinal);
    }

    private static byte[] Body(Constants packet) => Constants.EncodeFrame(packet)[Header..];

    private static byte[] Write(FileHeader header)
    {
        var bytes = new byte[FileHeader.MinWireSize];
        Assert.Equal(bytes.Length, header.WriteTo(bytes));
        return bytes;
    }

    private static string ToJson(Constants packet)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Constants.WriteJson(writer, packet);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Constants FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Constants.ReadJson(document.RootElement);
    }
}
