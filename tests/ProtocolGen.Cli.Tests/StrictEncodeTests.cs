using System;
using System.IO;
using System.Linq;
using System.Text;
using ProtocolGen.Json;
using ProtocolGen.Layout;
using ProtocolGen.Wire;
using Xunit;

namespace ProtocolGen.Cli.Tests;

/// <summary>
/// <c>encode</c> takes strict UTF-8 and strict JSON: every bad line is one message naming the line (and the
/// field), at most a short prefix of the bad value is quoted, and the good lines around it are still encoded.
/// </summary>
public sealed class StrictEncodeTests
{
    private const string Good1 = """{"kind":"Verdict","id":1,"verdict":"Accept"}""";
    private const string Good2 = """{"kind":"Verdict","id":2,"verdict":"Drop"}""";
    private const string Log = """{"kind":"LogLine","severity":"Info","line":"x"}""";
    private static readonly byte[] Good1Frame = [1, 1, 0, 0, 0, 0, 0, 0, 0, 2];
    private static readonly byte[] Good2Frame = [1, 2, 0, 0, 0, 0, 0, 0, 0, 6];

    [Theory]
    [InlineData("""{"kind":"Verdict","id":1,"verdict":"Accept","comment":"x"}""", "comment", "not a field")]
    [InlineData("""{"kind":"Verdict","id":300000000000000000000,"id":1,"verdict":"Accept"}""", "id", "more than once")]
    [InlineData("""{"kind":"Verdict","id":1,"verdict":"Accept","verdict":"Drop"}""", "verdict", "more than once")]
    [InlineData("""{"kind":"Verd\ud800ict","id":1,"verdict":"Accept"}""", "kind", "not valid text")]
    [InlineData("""{"kind":"Verdict","id":1,"verdict":"Acc\udc00ept"}""", "verdict", "not valid text")]
    [InlineData("""{"kind":"UpdateV4","protocol":"Tcp","local_address":"1.2.\ud800.4","local_port":1,"remote_address":"2.3.4.5","remote_port":2,"verdict":"Block"}""", "local_address", "not valid text")]
    [InlineData("""{"kind":"UpdateV4","protocol":"Tcp","local_address":"01.002.3.4","local_port":1,"remote_address":"2.3.4.5","remote_port":2,"verdict":"Block"}""", "local_address", "dotted-quad")]
    [InlineData("""{"kind":"UpdateV6","protocol":"Tcp","local_address":"fe80::1%eth0","local_port":1,"remote_address":"::2","remote_port":2,"verdict":"Block"}""", "local_address", "zone")]
    [InlineData("""{"kind":"UpdateV6","protocol":"Tcp","local_address":"::1","local_port":1,"remote_address":"[::1]:80","remote_port":2,"verdict":"Block"}""", "remote_address", "port")]
    public void ABadCommandLine_IsNamedByLineAndField_AndTheLinesAroundItAreEncoded(string bad, string field, string problem)
    {
        var run = Commands(Good1 + "\n" + bad + "\n" + Good2 + "\n");

        Assert.Equal(1, run.ExitCode);
        var first = run.Error.Split('\n')[0];
        Assert.StartsWith($"line 2: field '{field}': ", first);
        Assert.Contains(problem, first);
        Assert.Equal([.. Good1Frame, .. Good2Frame], run.Output);
        Assert.Contains("wrote 2 packets", run.Error);
    }

    [Fact]
    public void ALoneSurrogateInALogLine_IsABadLine_NotAnInternalError()
    {
        var run = Infos(Log + "\n" + """{"kind":"LogLine","severity":"Info","line":"t\ud800st"}""" + "\n" + Log);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("line 2: field 'line': is not valid text", run.Error);
        Assert.Contains("wrote 2 packets", run.Error);
    }

    [Theory]
    [InlineData("""{"kind":"LogLine","severity":"Trace","line":"t\ud800st","trailing":"00"}""")]
    [InlineData("""{"trailing":"00","kind":"LogLine","severity":"Trace","line":"t\ud800st"}""")]
    [InlineData("""{"kind":"LogLine","trailing":"00","severity":"Trace","line":"t\ud800st"}""")]
    public void ALoneSurrogateInALineWithTrailingBytes_IsABadLine_AndTheNextLineIsStillEncoded(string bad)
    {
        var run = Infos(bad + "\n" + """{"kind":"LogLine","severity":"Trace","line":"ok"}""");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("line 1: field 'line': is not valid text", run.Error);
        Assert.Contains("wrote 1 packets", run.Error);
        Assert.Equal([0, 3, 0, 0, 0, 1, (byte)'o', (byte)'k'], run.Output);
    }

    [Theory]
    [InlineData("""{"kind":"LogLine","severity":"Info","line":"x","trailing":"aabb"}""")]
    [InlineData("""{"trailing":"aabb","kind":"LogLine","severity":"Info","line":"x"}""")]
    [InlineData("""{ "kind" : "LogLine" , "trailing" : "aabb" , "severity":"Info" , "line" : "x" }""")]
    public void TrailingBytes_AnywhereInTheObject_GoInsideTheFrame_AndTheOtherMembersAreReadAsWritten(string line)
    {
        var run = Infos(line);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([0, 4, 0, 0, 0, 3, (byte)'x', 0xAA, 0xBB], run.Output);
    }

    [Fact]
    public void ACommandErrorLineWithRawBytes_IsRefused_SoNoUncheckedBytesReachTheDevice()
    {
        var run = Commands(Good1 + "\n" + """{"error":"unknown-type","raw":"ffffffff"}""" + "\n" + Good2);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("line 2: field 'raw': is refused", run.Error);
        Assert.Contains("--allow-raw", run.Error);
        Assert.Equal([.. Good1Frame, .. Good2Frame], run.Output);
    }

    [Fact]
    public void ACommandErrorLineWithRawBytes_IsWrittenVerbatim_OnlyWithAllowRaw()
    {
        var run = CliRun.WithInput(Encoding.UTF8.GetBytes("""{"error":"unknown-type","raw":"ffffffff"}"""), "encode", "--commands", "--allow-raw", "-o", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([0xFF, 0xFF, 0xFF, 0xFF], run.Output);
    }

    [Theory]
    [InlineData("""{"error":"unknown-type","offset":"0","raw":"0901000000ff"}""", "offset")]
    [InlineData("""{"error":"unknown-type","offset":-1,"raw":"0901000000ff"}""", "offset")]
    [InlineData("""{"error":"unknown-type","offset":1.5,"raw":"0901000000ff"}""", "offset")]
    [InlineData("""{"error":"unknown-type","length":"1","raw":"0901000000ff"}""", "length")]
    [InlineData("""{"error":"unknown-type","type":[9],"raw":"0901000000ff"}""", "type")]
    [InlineData("""{"error":"unknown-type","packet":{"nested":1},"raw":"0901000000ff"}""", "packet")]
    [InlineData("""{"error":"unknown-type","message":7,"raw":"0901000000ff"}""", "message")]
    [InlineData("""{"error":1,"raw":"0901000000ff"}""", "error")]
    [InlineData("""{"error":"unknown-type","raw":9}""", "raw")]
    public void AnErrorLineField_OfTheWrongType_IsABadLine_NamingTheField(string line, string field)
    {
        var run = Infos(line + "\n" + Log);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"line 1: field '{field}': expected ", run.Error);
        Assert.Equal([0, 2, 0, 0, 0, 3, (byte)'x'], run.Output);
    }

    [Fact]
    public void AnUnexpectedExceptionFromOneLine_CostsOnlyThatLine_ReportedByNumberAndType()
    {
        var output = new MemoryStream();
        var encoder = new Encode.JsonLinesEncoder<ThrowingUnion>(output);
        var problems = new System.Collections.Generic.List<string>();

        encoder.EncodeAll(new MemoryStream(Encoding.UTF8.GetBytes("{\"kind\":\"Boom\"}\n{\"kind\":\"Fine\"}\n")), problems.Add);

        Assert.Equal("line 1: cannot be encoded (InvalidOperationException): boom", Assert.Single(problems));
        Assert.Equal([7, 0, 0, 0, 0], output.ToArray());
        Assert.Equal(1, encoder.BadLines);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    [InlineData(new byte[] { 0xE2, 0x82 })]
    public void InvalidUtf8_IsABadLine_NamingItsColumn_AndNoReplacementCharacterReachesTheOutput(byte[] bad)
    {
        const string Start = """{"kind":"LogLine","severity":"Info","line":"ab""";
        var line = Encoding.UTF8.GetBytes(Start).Concat(bad).Concat("\"}"u8.ToArray()).ToArray();
        var input = Encoding.UTF8.GetBytes(Log + "\n").Concat(line).Concat(Encoding.UTF8.GetBytes("\n" + Log + "\n")).ToArray();

        var run = CliRun.WithInput(input, "encode", "-o", "-");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"line 2: not valid UTF-8 at column {Start.Length + 1} (byte 0x{bad[0]:x2})", run.Error);
        Assert.Contains("wrote 2 packets", run.Error);
        Assert.DoesNotContain("\uFFFD", Encoding.UTF8.GetString(run.Output));
        Assert.Equal(2 * 7, run.Output.Length);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r")]
    [InlineData("\r\n")]
    public void CrLfAndCrlf_AreEachOneLineEnd_SoLineNumbersStayRight(string end)
    {
        var run = Commands(string.Join(end, Good1, "{bad", Good2, "{bad", "") );

        var errors = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("line 2: ", errors[0]);
        Assert.StartsWith("line 4: ", errors[1]);
        Assert.Equal([.. Good1Frame, .. Good2Frame], run.Output);
    }

    [Fact]
    public void MixedLineEnds_CountOneLineEach_EvenACrlfSplitAcrossReads()
    {
        // The CR of the first line end is the last byte of the reader's first 64 KiB read.
        const string Start = "{\"kind\":\"LogLine\",\"severity\":\"Info\",\"line\":\"";
        var padded = Start + new string('p', 65535 - Start.Length - 2) + "\"}";
        var text = padded + "\r\n" + Log + "\r" + "{bad" + "\n" + Log + "\r\n" + "{bad";
        Assert.Equal('\r', text[65535]);

        var run = CliRun.WithInput(Encoding.UTF8.GetBytes(text), "encode", "-o", "-");

        var errors = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("line 3: ", errors[0]);
        Assert.StartsWith("line 5: ", errors[1]);
        Assert.Contains("wrote 3 packets", run.Error);
    }

    [Fact]
    public void AFiveMegabyteBadValue_GivesAShortMessage()
    {
        var huge = new string('v', 5_000_000);

        var run = Commands(Good1 + "\n" + $$"""{"kind":"Verdict","id":1,"verdict":"{{huge}}"}""" + "\n" + Good2);

        var first = run.Error.Split('\n')[0];
        Assert.StartsWith("line 2: field 'verdict': ", first);
        Assert.InRange(first.Length, 1, 200);
        Assert.True(run.Error.Length < 1000, run.Error.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([.. Good1Frame, .. Good2Frame], run.Output);
    }

    [Fact]
    public void AFiftyMegabyteLine_IsSkippedUnread_WithMemoryBoundedByTheLineCap_NotByTheLine()
    {
        const long HugeLength = 50L * 1024 * 1024;
        var input = new GeneratedLinesStream(Good1 + "\n", "{\"kind\":\"LogLine\",\"severity\":\"Info\",\"line\":\"", 'a', HugeLength, "\"}\n" + Good2 + "\n");
        var encoder = new Encode.JsonLinesEncoder<Portmaster.Command>(new MemoryStream());
        var problems = new System.Collections.Generic.List<string>();

        var before = GC.GetAllocatedBytesForCurrentThread();
        encoder.EncodeAll(input, problems.Add);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The cap (about 6 MiB) is the most one line may hold; the buffer doubles up to it (about 12 MiB in all).
        // Holding the line, as a string or a document, would cost over 50 MiB.
        Assert.InRange(allocated, 0, 3L * Encode.JsonLinesEncoder<Portmaster.Command>.MaxLineLength);
        var problem = Assert.Single(problems);
        Assert.StartsWith("line 2: ", problem);
        Assert.Contains("skipped unread", problem);
        Assert.InRange(problem.Length, 1, 200);
        Assert.Equal(1, encoder.BadLines);
    }

    [Fact]
    public void ALineOverTheCap_IsSkipped_AndTheNextLinesAreStillEncoded()
    {
        var output = new MemoryStream();
        var encoder = new Encode.JsonLinesEncoder<Portmaster.Command>(output);
        var problems = new System.Collections.Generic.List<string>();
        var input = Encoding.UTF8.GetBytes(Good1 + "\n" + new string(' ', 300) + Good1 + "\n" + Good2);

        encoder.EncodeAll(new MemoryStream(input), problems.Add, maxLineLength: 100);

        Assert.Equal("line 2: 344 bytes long, over the 100-byte limit for one line; skipped unread", Assert.Single(problems));
        Assert.Equal([.. Good1Frame, .. Good2Frame], output.ToArray());
    }

    [Fact]
    public void AnErrorLineWithAnUnknownOrRepeatedProperty_IsABadLine()
    {
        var run = Infos(
            """{"error":"unknown-type","offset":0,"type":9,"length":1,"message":"m","raw":"0901000000ff","rwa":"00"}""" + "\n"
            + """{"error":"unknown-type","offset":0,"raw":"0901000000ff","raw":"00"}""");

        var errors = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("line 1: field 'rwa': ", errors[0]);
        Assert.StartsWith("line 2: field 'raw': appears more than once", errors[1]);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void ARepeatedTrailingProperty_IsABadLine()
    {
        var run = Infos("""{"kind":"LogLine","severity":"Info","line":"x","trailing":"aa","trailing":"bb"}""");

        Assert.StartsWith("line 1: field 'trailing': appears more than once", run.Error);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void ALineThatIsNotAnObject_IsABadLine()
    {
        var run = Infos("[1,2]\n\"text\"\n" + Log);

        var errors = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("line 1: ", errors[0]);
        Assert.StartsWith("line 2: ", errors[1]);
        Assert.Contains("wrote 1 packets", run.Error);
    }

    [Fact]
    public void AByteOrderMark_OnTheFirstLine_IsNotPartOfTheJson()
    {
        var run = CliRun.WithInput([.. "\uFEFF"u8.ToArray(), .. Encoding.UTF8.GetBytes(Good1)], "encode", "--commands", "-o", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Good1Frame, run.Output);
    }

    private static CliRun Commands(string text) => CliRun.WithInput(Encoding.UTF8.GetBytes(text), "encode", "--commands", "-o", "-");

    private static CliRun Infos(string text) => CliRun.WithInput(Encoding.UTF8.GetBytes(text), "encode", "-o", "-");

    /// <summary>A prefix, then <c>fill</c> repeated <c>length</c> times, then a suffix, made as it is read (never held).</summary>
    private sealed class GeneratedLinesStream(string prefix, string hugeStart, char fill, long length, string suffix) : Stream
    {
        private readonly byte[] _head = Encoding.UTF8.GetBytes(prefix + hugeStart);
        private readonly byte[] _tail = Encoding.UTF8.GetBytes(suffix);
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count)
            {
                var at = _position;
                if (at < _head.Length)
                {
                    buffer[offset + written++] = _head[at];
                }
                else if (at < _head.Length + length)
                {
                    var run = (int)Math.Min(count - written, _head.Length + length - at);
                    buffer.AsSpan(offset + written, run).Fill((byte)fill);
                    written += run;
                    _position += run - 1;
                }
                else if (at < _head.Length + length + _tail.Length)
                {
                    buffer[offset + written++] = _tail[at - _head.Length - length];
                }
                else
                {
                    break;
                }

                _position++;
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    // A union whose JSON reader throws what no line should make it throw, standing in for any bug.
    private sealed record ThrowingUnion : IPacketUnion<ThrowingUnion>
    {
        public static FrameFormat FrameFormat => FrameFormat.TypeAndLength32;

        public static System.Collections.Immutable.ImmutableArray<PacketLayout> Layouts => [];

        public byte PacketType => 7;

        public int WireSize => 0;

        public static bool TryReadBody(byte packetType, ref WireReader reader, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out ThrowingUnion packet)
        {
            packet = null;
            return false;
        }

        public static string? GetPacketName(byte packetType) => null;

        public static void WriteJson(System.Text.Json.Utf8JsonWriter writer, ThrowingUnion packet) => packet.WriteJson(writer);

        public static ThrowingUnion ReadJson(System.Text.Json.JsonElement element) =>
            WireJson.GetString(element, "kind") == "Boom" ? throw new InvalidOperationException("boom") : new ThrowingUnion();

        public void WriteTo(ref WireWriter writer)
        {
        }

        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) => writer.WriteNullValue();
    }
}
