using System.Globalization;
using System.Linq;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Emitting;

/// <summary>
/// Writes a union's streaming handler API, nested in the union: <c>IHandler</c> with one method per packet
/// kind, <c>HandlerSink&lt;THandler&gt;</c> that routes decoded frames to it, and <c>ReadAsync</c> entry points
/// over a stream and a pipe. Generic over a struct handler, so calls are direct: no boxing, no delegates.
/// </summary>
internal static class HandlerEmitter
{
    private const string Runtime = "global::ProtocolGen.";

    public static string Emit(UnionModel model) => TypeScaffold.Emit(
        model.Declaration,
        baseList: string.Empty,
        writeDocs: static _ => { },
        writeMembers: writer =>
        {
            WriteHandlerInterface(writer, model);
            writer.Line();
            WriteSink(writer, model);
            writer.Line();
            WriteReadMethods(writer, model);
        },
        markGenerated: false);

    private static void WriteHandlerInterface(SourceWriter writer, UnionModel model)
    {
        var self = model.Declaration.FullyQualifiedName;
        writer.Line($"/// <summary>");
        writer.Line($"/// Receives the frames of a <see cref=\"{self}\"/> stream: one method per packet kind, one for");
        writer.Line("/// packet kinds this version does not know, and one for bad frames. Implement it on a struct and pass");
        writer.Line("/// it to <c>ReadAsync</c>; its methods are then called directly, with nothing boxed.");
        writer.Line("/// </summary>");
        writer.Line(TypeScaffold.GeneratedCodeAttribute);
        writer.Open("public interface IHandler");
        foreach (var member in Ordered(model))
        {
            writer.Line($"/// <summary>A <see cref=\"{member.FullyQualifiedName}\"/> (type {Byte(member.PacketType)}).</summary>");
            writer.Line($"void Handle({member.FullyQualifiedName} packet);");
            writer.Line();
        }

        writer.Line("/// <summary>A whole frame whose type byte names no packet; <paramref name=\"body\"/> is valid only during the call.</summary>");
        writer.Line("void HandleUnknown(byte packetType, global::System.ReadOnlySpan<byte> body);");
        writer.Line();
        writer.Line("/// <summary>A bad frame, with its stream offset; reading goes on with the next frame.</summary>");
        writer.Line($"void HandleError({Runtime}ProtocolError error);");
        writer.Close();
    }

    private static void WriteSink(SourceWriter writer, UnionModel model)
    {
        var self = model.Declaration.FullyQualifiedName;
        writer.Line("/// <summary>Routes decoded frames to an <see cref=\"IHandler\"/> by packet type.</summary>");
        writer.Line("/// <typeparam name=\"THandler\">The handler, a struct so that its calls are direct.</typeparam>");
        writer.Line(TypeScaffold.GeneratedCodeAttribute);
        writer.Line($"public struct HandlerSink<THandler> : {Runtime}IFrameSink<{self}>");
        writer.Line("    where THandler : struct, IHandler");
        writer.Line("{");
        writer.Line("    /// <summary>The handler, with the state it has gathered.</summary>");
        writer.Line("    public THandler Handler;");
        writer.Line();
        writer.Line("    /// <summary>Routes frames to <paramref name=\"handler\"/>.</summary>");
        writer.Line("    public HandlerSink(THandler handler) => Handler = handler;");
        writer.Line();
        writer.Line("    /// <inheritdoc/>");
        writer.Line($"    public void OnFrame(in {Runtime}FrameResult<{self}> frame, global::System.ReadOnlySpan<byte> bytes)");
        writer.Line("    {");
        writer.Line("        if (!frame.IsPacket)");
        writer.Line("        {");
        writer.Line($"            if (frame.Error is {{ Kind: {Runtime}ProtocolErrorKind.UnknownType, PacketType: {{ }} unknownType }})");
        writer.Line("            {");
        writer.Line($"                Handler.HandleUnknown(unknownType, bytes.Slice({Runtime}FrameHeader.SizeOf({Runtime}FrameFormat.{model.FrameFormatName})));");
        writer.Line("            }");
        writer.Line("            else");
        writer.Line("            {");
        writer.Line("                Handler.HandleError(frame.Error);");
        writer.Line("            }");
        writer.Line();
        writer.Line("            return;");
        writer.Line("        }");
        writer.Line();
        writer.Line("        var packet = frame.Packet;");
        writer.Line("        switch (packet.PacketType)");
        writer.Line("        {");
        foreach (var member in Ordered(model))
        {
            writer.Line($"            case {Byte(member.PacketType)}:");
            writer.Line($"                Handler.Handle(({member.FullyQualifiedName})packet);");
            writer.Line("                break;");
        }

        writer.Line("            default:");
        writer.Line("                // The decoder only returns packets this union's dispatch table knows.");
        writer.Line("                throw new global::System.Diagnostics.UnreachableException();");
        writer.Line("        }");
        writer.Line("    }");
        writer.Line("}");
    }

    private static void WriteReadMethods(SourceWriter writer, UnionModel model)
    {
        var self = model.Declaration.FullyQualifiedName;
        var sink = "HandlerSink<THandler>";
        writer.Line("/// <summary>");
        writer.Line("/// Reads <paramref name=\"stream\"/> to its end, calling <paramref name=\"handler\"/> for every frame, and returns");
        writer.Line("/// the handler with its final state.");
        writer.Line("/// </summary>");
        writer.Line("public static async global::System.Threading.Tasks.ValueTask<THandler> ReadAsync<THandler>(global::System.IO.Stream stream, THandler handler, "
            + $"{Runtime}PacketReaderOptions options = default, global::System.Threading.CancellationToken cancellationToken = default)");
        writer.Line("    where THandler : struct, IHandler");
        writer.Line($"    => (await {Runtime}PacketReader.ReadAsync<{self}, {sink}>(stream, new {sink}(handler), options, cancellationToken).ConfigureAwait(false)).Handler;");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// Reads <paramref name=\"reader\"/> until its writer completes, calling <paramref name=\"handler\"/> for every");
        writer.Line("/// frame, and returns the handler with its final state.");
        writer.Line("/// </summary>");
        writer.Line("public static async global::System.Threading.Tasks.ValueTask<THandler> ReadAsync<THandler>(global::System.IO.Pipelines.PipeReader reader, THandler handler, "
            + $"{Runtime}FrameDecoderOptions options = default, global::System.Threading.CancellationToken cancellationToken = default)");
        writer.Line("    where THandler : struct, IHandler");
        writer.Line($"    => (await {Runtime}PacketReader.ReadAsync<{self}, {sink}>(reader, new {sink}(handler), options, cancellationToken).ConfigureAwait(false)).Handler;");
    }

    private static IOrderedEnumerable<UnionMember> Ordered(UnionModel model) => model.Members.OrderBy(static m => m.PacketType);

    private static string Byte(byte value) => value.ToString(CultureInfo.InvariantCulture);
}
