using System;
using System.Collections.Generic;
using System.Linq;
using ProtocolGen.Generator.Tests.Infrastructure;
using ProtocolGen.Wire;
using Xunit;

namespace ProtocolGen.Generator.Tests.Integration;

/// <summary>
/// Views of records with conditional members (see <c>ConditionsSchema.cs</c>): for every combination of present and
/// absent members, a view reads what the record decoder reads, and refuses what it refuses with its error.
/// </summary>
public sealed class ConditionViewsTests
{
    private static readonly MessageKind[] Kinds = { MessageKind.Ping, MessageKind.Data, MessageKind.Ack, MessageKind.Close, (MessageKind)9 };

    private static readonly byte[] FlagValues = { 0, 1, 2 };

    /// <summary>Every kind and flags the conditions tell apart, each with exactly the members they call for.</summary>
    public static IEnumerable<ConditionalHeader> EveryHeader()
    {
        foreach (var kind in Kinds)
        {
            foreach (var flags in FlagValues)
            {
                var isData = kind == MessageKind.Data;
                var isAck = kind == MessageKind.Ack;
                var flagged = flags == 1;
                yield return new ConditionalHeader(
                    kind,
                    flags,
                    isData || isAck ? 0x01020304u + (uint)kind : null,
                    kind != MessageKind.Close ? (ushort)(0x0A00 + flags) : null,
                    flagged ? kind == MessageKind.Ping : null,
                    flagged ? new Ipv4Address(10, 0, (byte)kind, flags) : null,
                    isData ? new byte[] { 0xF1, 0xF2, 0xF3, (byte)flags } : null,
                    isAck ? new AckRange(7, 9u + flags) : null,
                    $"k{(byte)kind}f{flags}");
            }
        }
    }

    public static TheoryData<int> HeaderIndexes() => new(Enumerable.Range(0, EveryHeader().Count()));

    [Theory]
    [MemberData(nameof(HeaderIndexes))]
    public void EveryCombination_TheViewReadsWhatTheRecordHolds_AndWhereItEnds(int index)
    {
        var header = EveryHeader().ElementAt(index);
        var bytes = WireCodec.ToArray(header);

        var view = ConditionalHeader.View.Create(bytes);

        Assert.Equal(Describe(header), Describe(view));
        Assert.Equal(bytes.Length, view.WireLength);
        Assert.Equal(bytes.Length, ConditionalHeader.View.Check(bytes, 0));
        Assert.Equal(header, view.ToRecord());
    }

    [Theory]
    [MemberData(nameof(HeaderIndexes))]
    public void EveryCombination_CutOrMutated_TheViewRefusesWhatTheDecoderRefuses_WithItsErrorAndOffset(int index)
    {
        var bytes = WireCodec.ToArray(EveryHeader().ElementAt(index));

        var checks = Hostile<ConditionalHeader>(bytes, ConditionalHeader.View.Check, Created, (b, record) => Assert.Equal(Describe(record), Describe(ConditionalHeader.View.Create(b))));

        Assert.True(checks > bytes.Length * 7, checks.ToString(System.Globalization.CultureInfo.InvariantCulture));

        static (ProtocolErrorKind?, int) Created(byte[] b) =>
            ConditionalHeader.View.TryCreate(b, out var view, out var error) ? (null, view.WireLength) : (error.Kind, error.BodyOffset);
    }

    [Fact]
    public void AnAbsentMember_GivesFalseAndTheDefault_AndThoseAfterItAreReadWhereTheyAre()
    {
        var ping = WireCodec.ToArray(new ConditionalHeader(MessageKind.Ping, 0, null, 0x0102, null, null, null, null, "p"));

        var view = ConditionalHeader.View.Create(ping);

        Assert.False(view.TryGetSequence(out var sequence));
        Assert.Equal(0u, sequence);
        Assert.False(view.TryGetToken(out var token));
        Assert.True(token.IsEmpty);
        Assert.False(view.TryGetRange(out _));
        Assert.True(view.TryGetWindow(out var window));
        Assert.Equal(0x0102, window);
        Assert.Equal("p", view.GetNote());
    }

    [Fact]
    public void ABoolSelector_AndABitFieldSelector_PickTheMembersTheDecoderReads()
    {
        var hot = OptionalReading.View.Create(new byte[] { 1, 0xD8, 0xFF });
        var idle = OptionalReading.View.Create(new byte[] { 0, 1 });
        var extended = FlaggedCode.View.Create(new byte[] { 0x85, 0x12, 0x34 });
        var plain = FlaggedCode.View.Create(new byte[] { 0x05, 0x99 });

        Assert.True(hot.TryGetTemperature(out var temperature));
        Assert.Equal(-40, temperature);
        Assert.False(hot.TryGetStatus(out _));
        Assert.Equal(3, hot.WireLength);
        Assert.False(idle.TryGetTemperature(out _));
        Assert.True(idle.TryGetStatus(out var status));
        Assert.Equal(DeviceStatus.Busy, status);
        Assert.True(extended.TryGetExtension(out var extension));
        Assert.Equal(0x1234, extension);
        Assert.False(plain.TryGetExtension(out _));
        Assert.Equal(1, plain.WireLength);
    }

    [Fact]
    public void AClosedEnumOrABoolThatIsPresent_IsRefusedByTheView_AtTheDecodersOffset()
    {
        var error = Assert.Throws<ProtocolException>(() => OptionalReading.View.Create(new byte[] { 0, 9 })).Error;
        var urgent = WireCodec.ToArray(new ConditionalHeader(MessageKind.Close, 1, null, null, true, new Ipv4Address(1, 2, 3, 4), null, null, string.Empty));
        urgent[2] = 7;

        var refused = Assert.Throws<ProtocolException>(() => ConditionalHeader.View.Create(urgent)).Error;

        Assert.Equal((ProtocolErrorKind.InvalidValue, 1), (error.Kind, error.BodyOffset));
        Assert.Equal((ProtocolErrorKind.InvalidValue, 2), (refused.Kind, refused.BodyOffset));
        // An absent closed enum is not checked: a 9 after a present temperature is past the record.
        Assert.Equal(3, OptionalReading.View.Check(new byte[] { 1, 0xD8, 0xFF, 9 }, 0));
    }

    [Fact]
    public void EachSmallRecord_CutOrMutated_TheViewAgreesWithTheDecoder()
    {
        var checks = 0;
        foreach (var reading in new[] { new OptionalReading(true, -40, null), new OptionalReading(false, null, DeviceStatus.Idle) })
        {
            checks += Hostile<OptionalReading>(WireCodec.ToArray(reading), OptionalReading.View.Check, b => OptionalReading.View.TryCreate(b, out var v, out var e) ? (null, v.WireLength) : (e.Kind, e.BodyOffset),
                (b, record) => Assert.Equal(record, OptionalReading.View.Create(b).ToRecord()));
        }

        foreach (var code in new[] { new FlaggedCode(true, 5, 0x1234), new FlaggedCode(false, 127, null) })
        {
            checks += Hostile<FlaggedCode>(WireCodec.ToArray(code), FlaggedCode.View.Check, b => FlaggedCode.View.TryCreate(b, out var v, out var e) ? (null, v.WireLength) : (e.Kind, e.BodyOffset),
                (b, record) => Assert.Equal(record, FlaggedCode.View.Create(b).ToRecord()));
        }

        Assert.True(checks > 90, checks.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ALengthFromTheRecordStart_AfterAConditionalMember_IsReadByTheViewAsByTheDecoder()
    {
        var with = new MeasuredOptional(1, 0, 7, new byte[] { 1, 2, 3, 4 }, 9);
        var without = new MeasuredOptional(0, 0, null, new byte[] { 1, 2, 3, 4, 5, 6 }, null);
        var checks = 0;

        foreach (var value in new[] { with, without })
        {
            var bytes = WireCodec.ToArray(value);
            var view = MeasuredOptional.View.Create(bytes);

            Assert.Equal(value.Body, view.Body.ToArray());
            Assert.Equal(value.Before is not null, view.TryGetBefore(out var before));
            Assert.Equal(value.Before ?? 0, before);
            Assert.Equal(value.After is not null, view.TryGetAfter(out var after));
            Assert.Equal(value.After ?? 0, after);
            Assert.Equal(bytes.Length, view.WireLength);
            checks += Hostile<MeasuredOptional>(bytes, MeasuredOptional.View.Check, b => MeasuredOptional.View.TryCreate(b, out var v, out var e) ? (null, v.WireLength) : (e.Kind, e.BodyOffset),
                (b, record) => Assert.Equal(record, MeasuredOptional.View.Create(b).ToRecord()));
        }

        Assert.True(checks > 100, checks.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ConditionalMembersInsideAWindow_AConditionalStructureThatReadsItself_AndAnArrayOfThem_AgreeWithTheDecoder()
    {
        var header = new ConditionalHeader(MessageKind.Ack, 1, 3, 4, true, new Ipv4Address(1, 2, 3, 4), null, new AckRange(5, 6), "n");
        var values = new[]
        {
            new WindowedHeader(0, header, 2, new Labelled(true, "lbl"), new[] { new OptionalReading(true, 21, null), new OptionalReading(false, null, DeviceStatus.Busy) }, 0xBEEF),
            new WindowedHeader(0, header with { Kind = MessageKind.Close, Sequence = null, Window = null, Range = null }, 0, null, Array.Empty<OptionalReading>(), 1),
        };
        var checks = 0;

        foreach (var value in values)
        {
            var bytes = WireCodec.ToArray(value);
            var view = WindowedHeader.View.Create(bytes);
            var record = WindowedHeader.ReadFrom(bytes);

            Assert.Equal(record.Header, view.Header.ToRecord());
            Assert.Equal(record.Label is not null, view.TryGetLabel(out var label));
            Assert.Equal(record.Label?.Label, record.Label is null ? null : label.GetLabel());
            var readings = new List<OptionalReading>();
            foreach (var reading in view.Readings)
            {
                readings.Add(reading.ToRecord());
            }

            Assert.Equal(record.Readings, readings);
            Assert.Equal(record.Trailer, view.Trailer);
            Assert.Equal(bytes.Length, view.WireLength);
            checks += Hostile<WindowedHeader>(bytes, WindowedHeader.View.Check, b => WindowedHeader.View.TryCreate(b, out var v, out var e) ? (null, v.WireLength) : (e.Kind, e.BodyOffset),
                (b, decoded) => Assert.Equal(decoded, WindowedHeader.View.Create(b).ToRecord()));
        }

        Assert.True(checks > 300, checks.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AWindowThatCutsAPresentMember_IsRefusedByTheView_AsByTheDecoder()
    {
        var header = new ConditionalHeader(MessageKind.Data, 0, 3, 4, null, null, new byte[] { 1, 2, 3, 4 }, null, string.Empty);
        var bytes = WireCodec.ToArray(new WindowedHeader(0, header, 0, null, Array.Empty<OptionalReading>(), 1));
        // The header's window, one byte short: its note's prefix falls outside, and the token ends at the window.
        bytes[0]--;

        var reader = new WireReader(bytes);
        Assert.False(WindowedHeader.TryReadFrom(ref reader, out _));
        var error = Assert.Throws<ProtocolException>(() => WindowedHeader.View.Create(bytes)).Error;

        Assert.Equal((reader.Fault!.Value, reader.FaultOffset), (error.Kind, error.BodyOffset));
        Assert.Equal(-1, WindowedHeader.View.Check(bytes, 0));
    }

    [Fact]
    public void APacketWithAConditionalMember_RoundTripsThroughFrames_AndAViewHandlerGetsItsView()
    {
        var packets = new ConditionalMessage[]
        {
            new StatusPacket(1, 0xCAFE, new OptionalReading(true, -3, null), 7),
            new StatusPacket(2, null, new OptionalReading(false, null, DeviceStatus.Idle), 8),
            new StatusPacket(3, null, null, 9),
        };
        var frames = packets.SelectMany(p => ConditionalMessage.EncodeFrame(p)).ToArray();

        var decoded = new List<object>();
        foreach (var frame in ConditionalMessage.DecodeFrames(frames))
        {
            decoded.Add(frame.IsPacket ? frame.Packet! : frame.Error!);
        }

        var handler = new StatusRecorder();
        ConditionalMessage.ReadViews(frames, ref handler);

        Assert.Equal(packets, decoded);
        Assert.Equal(packets, handler.Seen);
        Assert.All(packets, packet => Assert.Equal(packet, FromJson(ToJson(packet))));
        Assert.DoesNotContain("code", ToJson(packets[2]), StringComparison.Ordinal);
    }

    [Fact]
    public void AHandWrittenConditionalStructure_IsReadByTheViewAsAValue_AndTheCodeCompiles()
    {
        var compilation = GeneratorRunner.Compile("""
            using System.Diagnostics.CodeAnalysis;
            using ProtocolGen;
            using ProtocolGen.Wire;
            public readonly record struct Tag(ushort Value) : IWireStruct<Tag>
            {
                public static int MinWireSize => 2;
                public static bool IsFixedSize => true;
                public int WireSize => 2;
                public static bool TryReadFrom(ref WireReader reader, [MaybeNullWhen(false)] out Tag value) { value = new Tag(reader.ReadUInt16()); return !reader.HasFailed; }
                public void WriteTo(ref WireWriter writer) => writer.WriteUInt16(Value);
            }
            [WireStruct]
            public sealed partial record Holder(byte Kind, [PresentWhen(nameof(Kind), 1)] Tag? Tag, ushort After);
            """);

        var (_, output, diagnostics) = GeneratorRunner.Run(compilation);

        Assert.DoesNotContain(diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        var view = string.Join("\n", output.SyntaxTrees.Where(t => t.FilePath.EndsWith("Holder.View.g.cs", StringComparison.Ordinal)).Select(t => t.ToString()));
        Assert.Contains("public bool TryGetTag([global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out global::Tag tag)", view, StringComparison.Ordinal);
        Assert.Contains("ViewReads.CheckStruct<global::Tag>", view, StringComparison.Ordinal);
    }

    private delegate int Check(ReadOnlySpan<byte> bytes, int at);

    private static string ToJson(ConditionalMessage packet)
    {
        using var stream = new System.IO.MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(stream))
        {
            ConditionalMessage.WriteJson(writer, packet);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static ConditionalMessage FromJson(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return ConditionalMessage.ReadJson(document.RootElement);
    }

    // Every cut (each shorter prefix) and every one-byte mutation of a valid body (a few telling values per byte): the
    // view's check accepts exactly what the decoder accepts, ending where it ends; TryCreate refuses the rest with the
    // decoder's error kind and offset; and an accepted body's view reads the record the decoder reads.
    private static int Hostile<T>(byte[] original, Check check, Func<byte[], (ProtocolErrorKind? Kind, int Offset)> create, Action<byte[], T> agree)
        where T : IWireStruct<T>
    {
        var bodies = new List<(byte[] Body, string Where)>();
        for (var length = 0; length < original.Length; length++)
        {
            bodies.Add((original[..length], $"cut to {length}"));
        }

        for (var index = 0; index < original.Length; index++)
        {
            foreach (var value in new byte[] { 0, 1, 2, 3, 4, 9, 0x7F, 0xFF, (byte)(original[index] + 1), (byte)(original[index] - 1) })
            {
                var body = (byte[])original.Clone();
                body[index] = value;
                bodies.Add((body, $"byte {index} = {value}"));
            }
        }

        foreach (var (body, where) in bodies)
        {
            var reader = new WireReader(body);
            var read = T.TryReadFrom(ref reader, out var decoded) && !reader.HasFailed;
            var end = check(body, 0);
            var (kind, offset) = create(body);
            var what = $"{typeof(T).Name} {where}";

            Assert.True(read == end >= 0, $"{what}: decoder {read}, view check {end}");
            if (read)
            {
                Assert.Equal(reader.Position, end);
                Assert.Null(kind);
                Assert.Equal(reader.Position, offset);
                agree(body, decoded!);
            }
            else
            {
                Assert.True((reader.Fault, reader.FaultOffset) == (kind, offset), $"{what}: decoder {reader.Fault} at {reader.FaultOffset}, view {kind} at {offset}");
            }
        }

        return bodies.Count;
    }

    private static string Describe(ConditionalHeader header) => string.Join(", ",
        header.Kind, header.Flags, header.Sequence, header.Window, header.Urgent, header.ReplyTo,
        header.Token is null ? "-" : Convert.ToHexString(header.Token), header.Range, header.Note);

    private static string Describe(ConditionalHeader.View view) => string.Join(", ",
        view.Kind, view.Flags,
        view.TryGetSequence(out var sequence) ? sequence : (object?)null,
        view.TryGetWindow(out var window) ? window : (object?)null,
        view.TryGetUrgent(out var urgent) ? urgent : (object?)null,
        view.TryGetReplyTo(out var replyTo) ? replyTo : (object?)null,
        view.TryGetToken(out var token) ? Convert.ToHexString(token) : "-",
        view.TryGetRange(out var range) ? new AckRange(range.First, range.Last) : (object?)null,
        view.GetNote());

    private struct StatusRecorder : ConditionalMessage.IViewHandler
    {
        public StatusRecorder() => Seen = new List<object>();

        public List<object> Seen { get; }

        public void Handle(StatusPacket.View packet)
        {
            var reading = packet.TryGetReading(out var view) ? view.ToRecord() : null;
            Seen.Add(new StatusPacket(packet.Mode, packet.TryGetCode(out var code) ? code : null, reading, packet.Tail));
        }

        public void HandleOther(byte packetType, ReadOnlySpan<byte> body) => Seen.Add($"other {packetType}");

        public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) => Seen.Add($"unknown {packetType}");

        public void HandleError(ProtocolError error) => Seen.Add(error);
    }
}
