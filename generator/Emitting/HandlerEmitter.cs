using System.Globalization;
using System.Linq;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Emitting;

/// <summary>
/// Writes a union's streaming handler API, nested in the union: <c>IHandler</c>, which receives records, and
/// <c>IViewHandler</c>, which receives zero-allocation views; a sink for each that routes frames to it by type
/// byte; and <c>ReadAsync</c> / <c>ReadViewsAsync</c> entry points over a stream, a pipe and a buffer. Sinks are
/// generic over a struct handler, so calls are direct: no boxing, no delegates.
/// </summary>
/// <remarks>
/// Every per-kind method has a default that routes the kind to <c>HandleOther</c>, so adding a packet to the union
/// breaks no handler; <c>[ExhaustiveHandler]</c> (PG0020) asks for every kind instead. A default interface method
/// that ran on a struct handler would run on a boxed copy (an allocation, and its changes lost), so the default
/// only reports that it ran (<c>HandlerDefaults</c>) and the sink calls <c>HandleOther</c> on the handler itself.
/// </remarks>
internal static class HandlerEmitter
{
    private const string Defaults = RuntimeNames.HandlerDefaults + ".";

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
            writer.Line();
            WriteViewHandlerInterface(writer, model);
            writer.Line();
            WriteViewSink(writer, model);
            writer.Line();
            WriteViewReadMethods(writer, model);
            writer.Line();
            WriteCheckBody(writer, model);
        },
        markGenerated: false);

    private static void WriteHandlerInterface(SourceWriter writer, UnionModel model)
    {
        var self = model.Declaration.FullyQualifiedName;
        writer.Line($"/// <summary>");
        writer.Line($"/// Receives the frames of a <see cref=\"{self}\"/> stream as records: a method per packet kind, one for the");
        writer.Line("/// kinds it has no method for, one for packet kinds this version does not know, and one for bad frames.");
        writer.Line("/// Implement it on a struct and pass it to <c>ReadAsync</c>; its methods are then called directly, with");
        writer.Line("/// nothing boxed. Mark it <c>[ExhaustiveHandler]</c> to have the compiler ask for every kind.");
        writer.Line("/// </summary>");
        writer.Line(TypeScaffold.GeneratedCodeAttribute);
        writer.Open("public interface IHandler");
        foreach (var member in Ordered(model))
        {
            writer.Line($"/// <summary>A <see cref=\"{member.FullyQualifiedName}\"/> (type {Byte(member.PacketType)}); without this method, it goes to <see cref=\"HandleOther\"/>.</summary>");
            writer.Line($"void Handle({member.FullyQualifiedName} packet) => {Defaults}Defaulted();");
            writer.Line();
        }

        writer.Line("/// <summary>A packet of a kind this handler has no <c>Handle</c> method for, such as one added to the union after it was written; ignored unless implemented.</summary>");
        writer.Open($"void HandleOther({self} packet)");
        writer.Close();
        writer.Line();
        WriteUnknownAndError(writer);
        writer.Close();
    }

    private static void WriteViewHandlerInterface(SourceWriter writer, UnionModel model)
    {
        var self = model.Declaration.FullyQualifiedName;
        writer.Line($"/// <summary>");
        writer.Line($"/// Receives the frames of a <see cref=\"{self}\"/> stream as views over their bytes, allocating nothing: a method");
        writer.Line("/// per packet kind, one for the kinds it has no method for, one for packet kinds this version does not know,");
        writer.Line("/// and one for bad frames. A view is valid (its frame was checked once, with the record decoder's rules) and");
        writer.Line("/// lives only during the call. Implement it on a struct and pass it to <c>ReadViewsAsync</c> or <c>ReadViews</c>.");
        writer.Line("/// </summary>");
        writer.Line(TypeScaffold.GeneratedCodeAttribute);
        writer.Open("public interface IViewHandler");
        foreach (var member in Ordered(model))
        {
            writer.Line($"/// <summary>A <see cref=\"{member.FullyQualifiedName}\"/> (type {Byte(member.PacketType)}); without this method, it goes to <see cref=\"HandleOther\"/>.</summary>");
            writer.Line($"void Handle({member.FullyQualifiedName}.View packet) => {Defaults}Defaulted();");
            writer.Line();
        }

        writer.Line("/// <summary>");
        writer.Line("/// A valid packet of a kind this handler has no <c>Handle</c> method for, as its type byte and checked body (valid only");
        writer.Line("/// during the call); ignored unless implemented.");
        writer.Line("/// </summary>");
        writer.Open("void HandleOther(byte packetType, global::System.ReadOnlySpan<byte> body)");
        writer.Close();
        writer.Line();
        WriteUnknownAndError(writer);
        writer.Close();
    }

    private static void WriteUnknownAndError(SourceWriter writer)
    {
        writer.Line("/// <summary>A whole frame whose type byte names no packet; <paramref name=\"body\"/> is valid only during the call.</summary>");
        writer.Line("void HandleUnknown(byte packetType, global::System.ReadOnlySpan<byte> body);");
        writer.Line();
        writer.Line("/// <summary>A bad frame, with its stream offset; reading goes on with the next frame.</summary>");
        writer.Line($"void HandleError({RuntimeNames.ProtocolError} error);");
    }

    private static void WriteSink(SourceWriter writer, UnionModel model)
    {
        var self = model.Declaration.FullyQualifiedName;
        writer.Line("/// <summary>Routes decoded frames to an <see cref=\"IHandler\"/> by packet type.</summary>");
        writer.Line("/// <typeparam name=\"THandler\">The handler, a struct so that its calls are direct.</typeparam>");
        writer.Line(TypeScaffold.GeneratedCodeAttribute);
        writer.Open($"public struct HandlerSink<THandler> : {RuntimeNames.IFrameSink}<{self}>\n    where THandler : struct, IHandler");
        WriteHandlerField(writer, "HandlerSink");
        WriteOptimizedFromFirstCall(writer);
        writer.Open($"public void OnFrame(in {RuntimeNames.FrameResult}<{self}> frame, global::System.ReadOnlySpan<byte> bytes)");
        WriteNotAPacket(writer, model);
        if (model.Members.Count == 0)
        {
            // No packet kind has a codec, so every frame is an error above (and no dead dispatch follows it).
            writer.Line("throw new global::System.Diagnostics.UnreachableException();");
            writer.Close();
            writer.Close();
            return;
        }

        writer.Line("var packet = frame.Packet;");
        writer.Line($"var outer = {Defaults}Enter();");
        writer.Open("switch (packet.PacketType)");
        foreach (var member in Ordered(model))
        {
            writer.Line($"case {Byte(member.PacketType)}:");
            writer.Line($"    Handler.Handle(({member.FullyQualifiedName})packet);");
            writer.Line("    break;");
        }

        writer.Line("default:");
        writer.Line("    // The decoder only returns packets this union's dispatch table knows.");
        writer.Line("    throw new global::System.Diagnostics.UnreachableException();");
        writer.Close();
        writer.Line();
        writer.Open($"if ({Defaults}Exit(outer))");
        writer.Line("Handler.HandleOther(packet);");
        writer.Close();
        writer.Close();
        writer.Close();
    }

    private static void WriteViewSink(SourceWriter writer, UnionModel model)
    {
        var self = model.Declaration.FullyQualifiedName;
        var frame = $"{RuntimeNames.ViewFrame}<{self}.ViewChecks>";
        writer.Line("/// <summary>Routes checked frames to an <see cref=\"IViewHandler\"/> by packet type, as views over their bodies.</summary>");
        writer.Line("/// <typeparam name=\"THandler\">The handler, a struct so that its calls are direct.</typeparam>");
        writer.Line(TypeScaffold.GeneratedCodeAttribute);
        writer.Open($"public struct ViewSink<THandler> : {RuntimeNames.IFrameSink}<{frame}>\n    where THandler : struct, IViewHandler");
        WriteHandlerField(writer, "ViewSink");
        WriteOptimizedFromFirstCall(writer);
        writer.Open($"public void OnFrame(in {RuntimeNames.FrameResult}<{frame}> frame, global::System.ReadOnlySpan<byte> bytes)");
        writer.Line("// The default route's state is this call's: clear during it, and the caller's again after it.");
        writer.Line($"ref var defaults = ref {Defaults}ThreadState;");
        writer.Line($"var outer = {Defaults}Enter(ref defaults);");
        writer.Open("if (frame.IsPacket)");
        writer.Line($"OnView(frame.Packet.PacketType, bytes.Slice({HeaderSize(model)}), ref defaults);");
        writer.Close();
        writer.Open($"else if (frame.Error is {{ Kind: {RuntimeNames.ProtocolErrorKind}.UnknownType, PacketType: {{ }} unknownType }})");
        writer.Line($"Handler.HandleUnknown(unknownType, bytes.Slice({HeaderSize(model)}));");
        writer.Close();
        writer.Open("else");
        writer.Line("Handler.HandleError(frame.Error);");
        writer.Close();
        writer.Line();
        writer.Line($"{Defaults}Exit(ref defaults, outer);");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// Hands the handler a view of a frame's body that the framing checked; <paramref name=\"defaults\"/> is the thread's");
        writer.Line("/// default-route state, clear before the call and left clear.");
        writer.Line("/// </summary>");
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Line(AggressiveOptimization);
        writer.Open("public void OnView(byte packetType, global::System.ReadOnlySpan<byte> body, ref bool defaults)");
        writer.Line("// The framing checked the body against the packet's rules, so the views below are valid.");
        writer.Open("switch (packetType)");
        foreach (var member in Ordered(model))
        {
            writer.Line($"case {Byte(member.PacketType)}:");
            writer.Line($"    OnView(new {member.FullyQualifiedName}.View(body), ref defaults);");
            writer.Line("    break;");
        }

        writer.Line("default:");
        writer.Line("    // The framing only accepts frames this union's check table knows.");
        writer.Line("    throw new global::System.Diagnostics.UnreachableException();");
        writer.Close();
        writer.Close();
        foreach (var member in Ordered(model))
        {
            writer.Line();
            writer.Line($"/// <summary>");
            writer.Line($"/// Hands the handler a checked <see cref=\"{member.FullyQualifiedName}\"/>, or to <c>HandleOther</c> if it has no method for it;");
            writer.Line("/// <paramref name=\"defaults\"/> is the thread's default-route state, clear before the call and left clear.");
            writer.Line($"/// </summary>");
            writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            writer.Line(InlinedAndOptimized);
            writer.Open($"public void OnView({member.FullyQualifiedName}.View packet, ref bool defaults)");
            writer.Line("Handler.Handle(packet);");
            writer.Open("if (defaults)");
            writer.Line("// The handler left the kind to its default. Cleared after HandleOther, which may reach a default itself.");
            writer.Line($"Handler.HandleOther({Byte(member.PacketType)}, packet.WireBytes);");
            writer.Line("defaults = false;");
            writer.Close();
            writer.Close();
        }

        writer.Line();
        WriteViewLoop(writer, model);
        writer.Line();
        WriteOtherFrame(writer, model, frame);
        writer.Close();
    }

    // ReadViews' way for every frame its switch does not take as a good packet: the frame the whole way again, through the
    // runtime's framing and the record decoder's verdict (TryCheckBody), as FrameBufferReader would. Not inlined, so the
    // loop's FrameBody stays a local the JIT keeps in registers (a ref to it here would keep it in memory).
    private static void WriteOtherFrame(SourceWriter writer, UnionModel model, string frame)
    {
        writer.Line("/// <summary>");
        writer.Line("/// Reads the frame at the start of <paramref name=\"rest\"/> (at <paramref name=\"position\"/>) the whole way, for the frames");
        writer.Line("/// <c>ReadViews</c> does not take as a good packet: the same framing, and the record decoder's verdict for the error.");
        writer.Line("/// Returns how many bytes it takes, or -1 at the end of the buffer. <paramref name=\"defaults\"/> is the thread's");
        writer.Line("/// default-route state, clear before the call and left clear.");
        writer.Line("/// </summary>");
        writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
        writer.Open($"internal int OnOtherFrame(global::System.ReadOnlySpan<byte> rest, int position, in {RuntimeNames.FrameDecoderOptions} options, ref bool defaults)");
        UnionEmitter.WriteFrameSteps(writer, "rest", $"{model.Declaration.FullyQualifiedName}.ViewChecks.FrameFormat", "isFinalBlock: true", "options", $"{frame}.TryCheckBody(body.Type, ref body.Reader)", new[]
        {
            $"OnView(body.Type, rest.Slice({HeaderSize(model)}, (int)body.Length - {HeaderSize(model)}), ref defaults);",
            "return (int)body.Length;",
        });
        writer.Open($"if (!body.Fail<{frame}>(step, position, {model.Declaration.FullyQualifiedName}.ViewChecks.GetPacketName(body.Type), out var frame))");
        writer.Line("return -1;");
        writer.Close();
        writer.Line();
        writer.Line("// A frame over the cap can declare more than the buffer holds: the handler gets the part in hand. OnFrame gives");
        writer.Line("// the default-route state back as it found it, clear.");
        writer.Line("var length = (int)global::System.Math.Min(frame.Length, rest.Length);");
        writer.Line("OnFrame(frame, rest.Slice(0, length));");
        writer.Line("return length;");
        writer.Close();
    }

    private const string AggressiveOptimization =
        "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]";

    // Inlined into the loop that checked the frame; optimized even when called from tier-0 code, for the reason above.
    private const string InlinedAndOptimized =
        "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining | global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]";

    private static void WriteHandlerField(SourceWriter writer, string sinkName)
    {
        writer.Line("/// <summary>The handler, with the state it has gathered.</summary>");
        writer.Line("public THandler Handler;");
        writer.Line();
        writer.Line("/// <summary>Routes frames to <paramref name=\"handler\"/>.</summary>");
        writer.Line($"public {sinkName}(THandler handler) => Handler = handler;");
        writer.Line();
    }

    private static void WriteOptimizedFromFirstCall(SourceWriter writer)
    {
        writer.Line("/// <inheritdoc/>");
        writer.Line("// Optimized from its first call: the JIT drops the box of a struct handler's default method only in");
        writer.Line("// optimized code, so tiered (unoptimized) first calls would allocate for every kind sent to HandleOther.");
        writer.Line(AggressiveOptimization);
    }

    private static void WriteNotAPacket(SourceWriter writer, UnionModel model)
    {
        writer.Open("if (!frame.IsPacket)");
        writer.Open($"if (frame.Error is {{ Kind: {RuntimeNames.ProtocolErrorKind}.UnknownType, PacketType: {{ }} unknownType }})");
        writer.Line($"Handler.HandleUnknown(unknownType, bytes.Slice({HeaderSize(model)}));");
        writer.Close();
        writer.Open("else");
        writer.Line("Handler.HandleError(frame.Error);");
        writer.Close();
        writer.Line();
        writer.Line("return;");
        writer.Close();
        writer.Line();
    }

    private static string HeaderSize(UnionModel model) => $"{RuntimeNames.FrameHeader}.{(model.HasLength ? "TypeAndLength32Size" : "TypeOnlySize")}";

    private static void WriteReadMethods(SourceWriter writer, UnionModel model)
    {
        var self = model.Declaration.FullyQualifiedName;
        var sink = "HandlerSink<THandler>";
        writer.Line("/// <summary>");
        writer.Line("/// Reads <paramref name=\"stream\"/> to its end, calling <paramref name=\"handler\"/> for every frame, and returns");
        writer.Line("/// the handler with its final state.");
        writer.Line("/// </summary>");
        writer.Line("public static async global::System.Threading.Tasks.ValueTask<THandler> ReadAsync<THandler>(global::System.IO.Stream stream, THandler handler, "
            + $"{RuntimeNames.PacketReaderOptions} options = default, global::System.Threading.CancellationToken cancellationToken = default)");
        writer.Line("    where THandler : struct, IHandler");
        writer.Line($"    => (await {RuntimeNames.PacketReader}.ReadAsync<{self}, WholeFrames, {sink}>(stream, new {sink}(handler), options, cancellationToken).ConfigureAwait(false)).Handler;");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// Reads <paramref name=\"reader\"/> until its writer completes, calling <paramref name=\"handler\"/> for every");
        writer.Line("/// frame, and returns the handler with its final state.");
        writer.Line("/// </summary>");
        writer.Line("public static async global::System.Threading.Tasks.ValueTask<THandler> ReadAsync<THandler>(global::System.IO.Pipelines.PipeReader reader, THandler handler, "
            + $"{RuntimeNames.FrameDecoderOptions} options = default, global::System.Threading.CancellationToken cancellationToken = default)");
        writer.Line("    where THandler : struct, IHandler");
        writer.Line($"    => (await {RuntimeNames.PacketReader}.ReadAsync<{self}, WholeFrames, {sink}>(reader, new {sink}(handler), options, cancellationToken).ConfigureAwait(false)).Handler;");
    }

    private static void WriteViewReadMethods(SourceWriter writer, UnionModel model)
    {
        var self = model.Declaration.FullyQualifiedName;
        var frame = $"{RuntimeNames.ViewFrame}<{self}.ViewChecks>";
        var sink = "ViewSink<THandler>";
        writer.Line("/// <summary>");
        writer.Line("/// Reads <paramref name=\"stream\"/> to its end, calling <paramref name=\"handler\"/> with a view of every frame,");
        writer.Line("/// and returns the handler with its final state. Nothing is allocated per frame.");
        writer.Line("/// </summary>");
        writer.Line("public static async global::System.Threading.Tasks.ValueTask<THandler> ReadViewsAsync<THandler>(global::System.IO.Stream stream, THandler handler, "
            + $"{RuntimeNames.PacketReaderOptions} options = default, global::System.Threading.CancellationToken cancellationToken = default)");
        writer.Line("    where THandler : struct, IViewHandler");
        writer.Line($"    => (await {RuntimeNames.PacketReader}.ReadAsync<{frame}, {sink}>(stream, new {sink}(handler), options, cancellationToken).ConfigureAwait(false)).Handler;");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// Reads <paramref name=\"reader\"/> until its writer completes, calling <paramref name=\"handler\"/> with a view of");
        writer.Line("/// every frame, and returns the handler with its final state.");
        writer.Line("/// </summary>");
        writer.Line("public static async global::System.Threading.Tasks.ValueTask<THandler> ReadViewsAsync<THandler>(global::System.IO.Pipelines.PipeReader reader, THandler handler, "
            + $"{RuntimeNames.FrameDecoderOptions} options = default, global::System.Threading.CancellationToken cancellationToken = default)");
        writer.Line("    where THandler : struct, IViewHandler");
        writer.Line($"    => (await {RuntimeNames.PacketReader}.ReadAsync<{frame}, {sink}>(reader, new {sink}(handler), options, cancellationToken).ConfigureAwait(false)).Handler;");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// Calls <paramref name=\"handler\"/> with a view of every frame of <paramref name=\"buffer\"/>, which holds a whole");
        writer.Line($"/// stream (a frame cut by its end is <see cref=\"{RuntimeNames.ProtocolErrorKind}.Truncated\"/>). Allocates nothing.");
        writer.Line("/// </summary>");
        writer.Line("public static void ReadViews<THandler>(global::System.ReadOnlySpan<byte> buffer, ref THandler handler, "
            + $"{RuntimeNames.FrameDecoderOptions} options = default)");
        writer.Open("    where THandler : struct, IViewHandler");
        writer.Line($"var sink = new {sink}(handler);");
        writer.Line("// The default route's state is this read's until its end, clear between handler calls, and the caller's again");
        writer.Line("// after it, even when a handler throws (a caller that catches must not see this read's state): the loop stays on");
        writer.Line("// this thread, so it takes the thread's state once instead of for every frame.");
        writer.Line($"ref var defaults = ref {Defaults}ThreadState;");
        writer.Line($"var outer = {Defaults}Enter(ref defaults);");
        writer.Open("try");
        writer.Line("sink.ReadFrames(buffer, options, ref defaults);");
        writer.Close();
        writer.Open("finally");
        writer.Line($"{Defaults}Exit(ref defaults, outer);");
        writer.Close();
        writer.Line();
        writer.Line("handler = sink.Handler;");
        writer.Close();
    }

    // ReadViews' loop, on the sink: FrameBufferReader's walk with the runtime's framing rules (FrameBody) and the union's
    // checks called directly. A method of its own, so that what it keeps across the handler's calls (the sink, the rest
    // of the buffer, the default-route state) fits in registers; the caller keeps the rest.
    private static void WriteViewLoop(SourceWriter writer, UnionModel model)
    {
        writer.Line("/// <summary>");
        writer.Line("/// <c>ReadViews</c>' walk over <paramref name=\"buffer\"/>: one switch per frame checks the body with its packet's view and");
        writer.Line("/// hands a good frame to the handler as that view. <paramref name=\"defaults\"/> is the thread's default-route state,");
        writer.Line("/// clear before the call and left clear.");
        writer.Line("/// </summary>");
        writer.Line("// Optimized from its first call, as the sinks are: it hands views to the handler itself.");
        writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining | global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
        writer.Open($"internal void ReadFrames(global::System.ReadOnlySpan<byte> buffer, {RuntimeNames.FrameDecoderOptions} options, ref bool defaults)");
        writer.Line("var rest = buffer;");
        writer.Open("while (true)");
        if (model.Members.Count > 0 && model.HasLength)
        {
            WriteWholeViewFrame(writer, model);
        }
        else if (model.Members.Count > 0)
        {
            WriteViewFrameSteps(writer, model);
        }

        writer.Line("// Anything else (a failed check, a frame the framing refuses, an unknown type, the end of the buffer) is read again");
        writer.Line("// the whole way, for the record path's error.");
        writer.Line("var taken = OnOtherFrame(rest, buffer.Length - rest.Length, options, ref defaults);");
        writer.Open("if (taken < 0)");
        writer.Line("break;");
        writer.Close();
        writer.Line();
        writer.Line("rest = rest.Slice(taken);");
        writer.Close();
        writer.Close();
    }

    // A length-framed union's good frame in one pass, as its decoder takes it (UnionEmitter): FrameBody's good cases of
    // Open (TryOpenWhole) and, after the packet's check, of Close (ViewReads.IsWholeView), so a frame passes here exactly
    // when the full steps would make it a packet. The view reads the whole body. The next frame is cut off before the
    // handler's call, so the frame's length need not be kept across it.
    private static void WriteWholeViewFrame(SourceWriter writer, UnionModel model)
    {
        writer.Line("// A good frame in one pass, with no step state; the end of the data and a bad frame take the full steps below.");
        writer.Open($"if ({GoodFrameCode.Opened("rest", "options")})");
        writer.Line("var bytes = reader.UnreadSpan;");
        writer.Open("switch (type)");
        foreach (var member in Ordered(model))
        {
            var view = $"{member.FullyQualifiedName}.View";
            writer.Line($"case {Byte(member.PacketType)}:");
            writer.Line($"    if ({RuntimeNames.ViewReads}.IsWholeView(reader, {view}.Check(bytes, 0), options))");
            writer.Line("    {");
            writer.Line($"        rest = rest.Slice({RuntimeNames.FrameBody}.WholeLength(reader));");
            writer.Line($"        OnView(new {view}(bytes), ref defaults);");
            writer.Line("        continue;");
            writer.Line("    }");
            writer.Line();
            writer.Line("    break;");
        }

        writer.Close();
        writer.Close();
        writer.Line();
    }

    // A union framed without a length: the runtime's steps (FrameBody.Open, the packet's check, ViewReads.Accept, which
    // closes the frame and says which bytes the view reads: the fields the check found).
    private static void WriteViewFrameSteps(SourceWriter writer, UnionModel model)
    {
        writer.Line($"var step = {RuntimeNames.FrameBody}.Open(rest, ViewChecks.FrameFormat, isFinalBlock: true, options, out var body);");
        writer.Open($"if (step == {RuntimeNames.FrameStep}.Body)");
        writer.Line("var bytes = body.Reader.UnreadSpan;");
        writer.Open("switch (body.Type)");
        foreach (var member in Ordered(model))
        {
            var view = $"{member.FullyQualifiedName}.View";
            writer.Open($"case {Byte(member.PacketType)}:");
            writer.Line($"step = {RuntimeNames.ViewReads}.Accept<ViewChecks>(ref body, {view}.Check(bytes, 0), isFinalBlock: true, options, out var fields);");
            writer.Open($"if (step == {RuntimeNames.FrameStep}.Packet)");
            writer.Line("rest = rest.Slice((int)body.Length);");
            writer.Line($"OnView(new {view}(fields), ref defaults);");
            writer.Line("continue;");
            writer.Close();
            writer.Line();
            writer.Line("break;");
            writer.Close();
        }

        writer.Close();
        writer.Close();
        writer.Line();
    }

    private static void WriteCheckBody(SourceWriter writer, UnionModel model)
    {
        var self = model.Declaration.FullyQualifiedName;
        writer.Line("/// <summary>");
        writer.Line("/// How framing checks this union's bodies for views (for generated code): a struct, so the framing of views is");
        writer.Line("/// compiled for this union alone, with direct calls.");
        writer.Line("/// </summary>");
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Line(TypeScaffold.GeneratedCodeAttribute);
        writer.Open($"public readonly struct ViewChecks : {RuntimeNames.IViewChecks}");
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public static {RuntimeNames.FrameFormat} FrameFormat => {RuntimeNames.FrameFormat}.{model.FrameFormatName};");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public static global::System.Collections.Immutable.ImmutableArray<{RuntimeNames.PacketLayout}> Layouts => {RuntimeNames.ViewReads}.Layouts<{self}>();");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public static string? GetPacketName(byte packetType) => {RuntimeNames.ViewReads}.PacketName<{self}>(packetType);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Open($"public static {RuntimeNames.ViewCheck} CheckBody(byte packetType, global::System.ReadOnlySpan<byte> body) => packetType switch");
        foreach (var member in Ordered(model))
        {
            writer.Line($"{Byte(member.PacketType)} => {RuntimeNames.ViewReads}.Outcome<{member.FullyQualifiedName}>(body, {member.FullyQualifiedName}.View.Check(body, 0)),");
        }

        writer.Line($"_ => {RuntimeNames.ViewCheck}.Fail({RuntimeNames.ProtocolErrorKind}.UnknownType, 0),");
        writer.Close(";");
        writer.Close();
    }

    private static IOrderedEnumerable<UnionMember> Ordered(UnionModel model) => model.Members.OrderBy(static m => m.PacketType);

    // Handlers are generated for the built-in formats only, whose packet numbers are bytes.
    private static string Byte(long value) => value.ToString(CultureInfo.InvariantCulture);
}
