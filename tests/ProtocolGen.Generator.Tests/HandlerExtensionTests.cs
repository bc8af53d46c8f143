using System;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ProtocolGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProtocolGen.Generator.Tests;

/// <summary>
/// A handler written before a packet was added to its union still compiles, and receives the new kind in its
/// <c>HandleOther</c>; one marked <c>[ExhaustiveHandler]</c> is told (PG0020) instead, and only then.
/// </summary>
public sealed class HandlerExtensionTests
{
    private const string Schema = """
        using ProtocolGen;

        namespace Chat;

        [ProtocolUnion(FrameFormat.TypeAndLength32)]
        public abstract partial record Message;

        [Packet(1)]
        public sealed partial record Ping(uint Sequence) : Message;
        """;

    private const string NewPacket = """
        using ProtocolGen;

        namespace Chat;

        [Packet(2)]
        public sealed partial record Say(uint Sequence, [LengthPrefix(PrefixWidth.U16)] string Text) : Message;
        """;

    // Written against the schema with Ping only: a record handler and a view handler.
    private const string Handlers = """
        using System;
        using ProtocolGen;

        namespace Chat;

        public struct PingCounter : Message.IHandler
        {
            public uint Sum;
            public int Others;
            public string Seen;

            public void Handle(Ping packet) => Sum += packet.Sequence;

            public void HandleOther(Message packet)
            {
                Others++;
                Seen += " other " + packet.GetType().Name;
            }

            public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) => Seen += " unknown " + packetType;

            public void HandleError(ProtocolError error) => Seen += " error " + error.Kind;
        }

        public struct PingViewCounter : Message.IViewHandler
        {
            public uint Sum;
            public int Others;
            public string Seen;

            public void Handle(Ping.View packet) => Sum += packet.Sequence;

            public void HandleOther(byte packetType, ReadOnlySpan<byte> body)
            {
                Others++;
                Seen += " other " + packetType;
            }

            public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) => Seen += " unknown " + packetType;

            public void HandleError(ProtocolError error) => Seen += " error " + error.Kind;
        }

        public static class Probe
        {
            public static string Run()
            {
                // Ping(3), then Say(7, "hi") as a peer that knows it sends it, then Ping(4).
                var frames = Convert.FromHexString("01040000000300000002080000000700000002006869" + "010400000004000000");
                var records = Message.ReadAsync(new System.IO.MemoryStream(frames), new PingCounter()).AsTask().GetAwaiter().GetResult();
                var views = new PingViewCounter();
                Message.ReadViews(frames, ref views);
                return $"records {records.Sum} {records.Others}{records.Seen} | views {views.Sum} {views.Others}{views.Seen}";
            }
        }
        """;

    private const string ExhaustiveHandler = """
        using System;
        using ProtocolGen;

        namespace Chat;

        [ExhaustiveHandler]
        public struct EveryKind : Message.IHandler
        {
            public void Handle(Ping packet) { }

            public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) { }

            public void HandleError(ProtocolError error) { }
        }
        """;

    [Fact]
    public void BeforeThePacketIsAdded_ItsFramesAreUnknownToBothHandlers()
    {
        Assert.Equal(
            "records 7 0 unknown 2 | views 7 0 unknown 2",
            CompileAndRun(("/Schema.cs", Schema), ("/Handlers.cs", Handlers)));
    }

    [Fact]
    public void AfterThePacketIsAdded_TheSameHandlersCompile_AndReceiveItInHandleOther()
    {
        Assert.Equal(
            "records 7 1 other Say | views 7 1 other 2",
            CompileAndRun(("/Schema.cs", Schema), ("/Say.cs", NewPacket), ("/Handlers.cs", Handlers)));
    }

    [Fact]
    public void AnExhaustiveHandler_IsSilentWhileComplete_AndPG0020OnceThePacketIsAdded()
    {
        var (_, _, before) = GeneratorRunner.Run(GeneratorRunner.Compile(Schema, ExhaustiveHandler));
        var (_, _, after) = GeneratorRunner.Run(GeneratorRunner.Compile(Schema, NewPacket, ExhaustiveHandler));

        Assert.DoesNotContain(before, d => d.Id.StartsWith("PG", StringComparison.Ordinal));
        var diagnostic = Assert.Single(after, d => d.Id.StartsWith("PG", StringComparison.Ordinal));
        Assert.Equal("PG0020", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("'Say'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ACompleteExhaustiveHandler_CompilesWithoutAnyDiagnostic()
    {
        var test = new VerifiedGeneratorTest { TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck };

        // The test's own types carry no XML docs; every other warning, generated code's included, still counts.
        test.DisabledDiagnostics.Add("CS1591");
        test.TestState.Sources.Add(Schema);
        test.TestState.Sources.Add(ExhaustiveHandler);

        await test.RunAsync();
    }

    [Fact]
    public async Task AHandlerWithoutTheAttribute_MayLeaveKindsOut_Silently()
    {
        var test = new VerifiedGeneratorTest { TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck };

        // The test's own types carry no XML docs; every other warning, generated code's included, still counts.
        test.DisabledDiagnostics.Add("CS1591");
        test.TestState.Sources.Add(Schema);
        test.TestState.Sources.Add(NewPacket);
        test.TestState.Sources.Add(ExhaustiveHandler.Replace("[ExhaustiveHandler]", string.Empty, StringComparison.Ordinal));

        await test.RunAsync();
    }

    private static string CompileAndRun(params (string Path, string Text)[] sources)
    {
        var (_, output, diagnostics) = GeneratorRunner.Run(GeneratorRunner.Compile(sources, "Handlers" + Guid.NewGuid().ToString("N")));
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Concat(diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error)));

        var context = new AssemblyLoadContext("handlers", isCollectible: true);
        try
        {
            image.Position = 0;
            var probe = context.LoadFromStream(image).GetType("Chat.Probe", throwOnError: true)!;
            return (string)probe.GetMethod("Run")!.Invoke(null, null)!;
        }
        finally
        {
            context.Unload();
        }
    }
}
