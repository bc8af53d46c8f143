using System;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using ProtocolGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProtocolGen.Generator.Tests;

/// <summary>
/// A new packet kind joins an existing union by one annotated record and nothing else: the union's dispatch,
/// encoding and decoding pick it up. Each schema is compiled with the generator and run in memory.
/// </summary>
public sealed class ExtensionTests
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

    // The frame of Say(7, "hi"): type 2, body length 8, sequence 7, text length 2, "hi".
    private const string SayFrameHex = "020800000007000000020068" + "69";

    private const string DecodeProbe = """
        namespace Chat;

        public static class Probe
        {
            public static string Run()
            {
                var frame = System.Convert.FromHexString("020800000007000000020068" + "69");
                foreach (var result in Message.DecodeFrames(frame))
                {
                    return result.IsPacket ? "packet " + result.Packet.GetType().Name : "error " + result.Error.Kind;
                }

                return "nothing";
            }
        }
        """;

    private const string RoundTripProbe = """
        namespace Chat;

        public static class Probe
        {
            public static string Run()
            {
                var frame = Message.EncodeFrame(new Say(7, "hi"));
                var decoded = Message.DecodeFrame(frame);
                var dispatched = decoded switch
                {
                    Ping ping => "ping " + ping.Sequence,
                    Say say => "say " + say.Sequence + " " + say.Text,
                    _ => "unknown",
                };
                return System.Convert.ToHexString(frame) + " " + dispatched + " " + (decoded == new Say(7, "hi"));
            }
        }
        """;

    [Fact]
    public void BeforeTheNewRecord_ItsFrameIsAnUnknownType()
    {
        Assert.Equal("error UnknownType", CompileAndRun(("/Schema.cs", Schema), ("/Probe.cs", DecodeProbe)));
    }

    [Fact]
    public void OneAnnotatedRecord_AddsAPacketThatEncodesDecodesAndDispatches()
    {
        Assert.Equal(
            $"{SayFrameHex.ToUpperInvariant()} say 7 hi True",
            CompileAndRun(("/Schema.cs", Schema), ("/Say.cs", NewPacket), ("/Probe.cs", RoundTripProbe)));
        Assert.Equal("packet Say", CompileAndRun(("/Schema.cs", Schema), ("/Say.cs", NewPacket), ("/Probe.cs", DecodeProbe)));
    }

    private static string CompileAndRun(params (string Path, string Text)[] sources)
    {
        var (_, output, diagnostics) = GeneratorRunner.Run(GeneratorRunner.Compile(sources, "Extension" + Guid.NewGuid().ToString("N")));
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Concat(diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error)));

        var context = new AssemblyLoadContext("extension", isCollectible: true);
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
