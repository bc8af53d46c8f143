using System.Globalization;
using System.Linq;
using ProtocolGen.Generator.Model;
using ProtocolGen.Layout;

namespace ProtocolGen.Generator.Emitting;

/// <summary>Writes a union's dispatch: the type-byte switch, packet names, and frame encode and decode entry points.</summary>
internal static class UnionEmitter
{
    private const string Json = "global::System.Text.Json.";

    public static string Emit(UnionModel model)
    {
        var self = model.Declaration.FullyQualifiedName;
        return TypeScaffold.Emit(
            model.Declaration,
            $" : {RuntimeNames.IPacketUnion}<{self}>",
            writer => WriteDocs(writer, model),
            writer => WriteMembers(writer, model));
    }

    private static void WriteDocs(SourceWriter writer, UnionModel model)
    {
        writer.Line("/// <remarks>");
        writer.Line(model.HasLength
            ? "/// Framed as <c>[type u8][body length u32 LE][body]</c>:"
            : "/// Framed as <c>[type u8][body]</c>, one packet per write:");
        writer.Line("/// <code>");
        foreach (var line in LayoutText.BitDiagram(HeaderRows(model)))
        {
            writer.Line("/// " + line);
        }

        writer.Line("/// </code>");
        writer.Line("/// Packets, by type byte:");
        writer.Line("/// <list type=\"table\">");
        foreach (var member in model.Members)
        {
            writer.Line($"/// <item><term>{member.PacketType.ToString(CultureInfo.InvariantCulture)}</term><description><see cref=\"{member.FullyQualifiedName}\"/></description></item>");
        }

        writer.Line("/// </list>");
        writer.Line("/// </remarks>");
    }

    private static FieldLayout[] HeaderRows(UnionModel model) => model.HasLength
        ? new[]
        {
            new FieldLayout(0, 1, "type", "u8"),
            new FieldLayout(1, 4, "body length", "u32"),
            new FieldLayout(null, null, "body", "body length bytes"),
        }
        : new[]
        {
            new FieldLayout(0, 1, "type", "u8"),
            new FieldLayout(null, null, "body", "the packet's fields"),
        };

    /// <summary>
    /// The members every packet of a class union overrides, declared once: abstract, or, when a packet's codec is
    /// withheld for a PG error, virtual with bodies that throw (see <see cref="WithheldCodecEmitter"/>).
    /// </summary>
    internal static void WriteClassPacketMembers(SourceWriter writer, bool withheld)
    {
        var modifier = withheld ? "virtual" : "abstract";
        string End(bool property) => withheld ? $" => {WithheldCodecEmitter.Throw};" : property ? " { get; }" : ";";

        writer.Line("/// <inheritdoc/>");
        writer.Line($"public {modifier} byte PacketType" + End(property: true));
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public {modifier} int WireSize" + End(property: true));
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public {modifier} void WriteTo(ref {RuntimeNames.WireWriter} writer)" + End(property: false));
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Line($"public {modifier} void WriteAfterSize(ref {RuntimeNames.WireWriter} writer)" + End(property: false));
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public {modifier} void WriteJson(global::System.Text.Json.Utf8JsonWriter writer)" + End(property: false));
        writer.Line();
    }

    private static void WriteMembers(SourceWriter writer, UnionModel model)
    {
        var self = model.Declaration.FullyQualifiedName;
        var union = $"{RuntimeNames.IPacketUnion}<{self}>";

        if (model.IsInterface)
        {
            if (model.HasPacketsWithoutCodec)
            {
                WithheldCodecEmitter.WriteInterfaceMembers(writer);
            }
        }
        else
        {
            WriteClassPacketMembers(writer, withheld: model.HasPacketsWithoutCodec);
        }

        WriteCodec(writer, model);
        writer.Line();
        StreamEmitter.WriteWholeFrames(writer, model);
        writer.Line();

        // The union's own members forward to its codec, so code generic over the union alone gets the same answers.
        var maybeNull = "[global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] ";
        writer.Line($"static {RuntimeNames.FrameFormat} {union}.FrameFormat => FrameCodec.FrameFormat;");
        writer.Line();
        writer.Line($"static bool {union}.TryReadBody(byte packetType, ref {RuntimeNames.WireReader} reader, {maybeNull}out {self} packet) => FrameCodec.TryReadBody(packetType, ref reader, out packet);");
        writer.Line();
        writer.Line($"static string? {union}.GetPacketName(byte packetType) => FrameCodec.GetPacketName(packetType);");
        writer.Line();
        writer.Line($"static bool {union}.TryDecodeFrame(global::System.ReadOnlySpan<byte> buffer, long offset, bool isFinalBlock, in {RuntimeNames.FrameDecoderOptions} options, out {RuntimeNames.FrameResult}<{self}> frame) =>");
        writer.Line("    FrameCodec.TryDecode(buffer, offset, isFinalBlock, options, out frame);");
        writer.Line();

        WriteLayoutsAndJson(writer, model, union);
        writer.Line();

        writer.Line($"/// <summary>Decodes exactly one frame, or throws <see cref=\"{RuntimeNames.ProtocolException}\"/>.</summary>");
        writer.Line($"public static {self} DecodeFrame(global::System.ReadOnlySpan<byte> frame) => {RuntimeNames.FrameDecoder}.DecodeSingle<{self}, FrameCodec>(frame);");
        writer.Line();
        writer.Line("/// <summary>Decodes every frame of <paramref name=\"buffer\"/>: each a packet or a typed error, and a bad frame never hides the next.</summary>");
        writer.Line("public static FrameEnumerator DecodeFrames(global::System.ReadOnlySpan<byte> buffer) => new(buffer, default);");
        writer.Line();
        writer.Line("/// <summary>Decodes every frame of <paramref name=\"buffer\"/> with <paramref name=\"options\"/>.</summary>");
        writer.Line($"public static FrameEnumerator DecodeFrames(global::System.ReadOnlySpan<byte> buffer, {RuntimeNames.FrameDecoderOptions} options) => new(buffer, options);");
        writer.Line();
        WriteFrameEnumerator(writer, self, model.HasLength);
        writer.Line();
        writer.Line("/// <summary>Encodes <paramref name=\"packet\"/> as a frame in a new array.</summary>");
        WriteEncodeSwitch(writer, model, $"public static byte[] EncodeFrame({self} packet)", "PacketToArray", $"ToArray<{self}, FrameCodec>(packet)", string.Empty,
            m => $"PacketToArray<{self}, FrameCodec, {m.FullyQualifiedName}>(packet)");
        writer.Line();
        writer.Line("/// <summary>Encodes <paramref name=\"packet\"/> as a frame at the start of <paramref name=\"destination\"/> and returns its size.</summary>");
        WriteEncodeSwitch(writer, model, $"public static int EncodeFrame({self} packet, global::System.Span<byte> destination)", "WritePacket", $"Write<{self}, FrameCodec>(packet, destination)", ", destination",
            m => $"WritePacket<{self}, FrameCodec, {m.FullyQualifiedName}>(packet, destination)");
        writer.Line();
        writer.Line("/// <summary>Encodes <paramref name=\"packet\"/> as a frame into <paramref name=\"destination\"/>.</summary>");
        writer.Line($"public static void EncodeFrame({self} packet, global::System.Buffers.IBufferWriter<byte> destination) => {RuntimeNames.FrameEncoder}.Write<{self}, FrameCodec>(packet, destination);");
    }

    /// <summary>
    /// An encode entry point as a type switch: each case hands the runtime's framing a packet of known type, so
    /// its size, type byte and writer are direct calls; anything else (null, a type the switch does not list)
    /// takes the general path, which refuses or dispatches it.
    /// </summary>
    /// <param name="known">The name of each packet's method.</param>
    /// <param name="general">The runtime's general call, after <c>FrameEncoder.</c>, for anything the switch does not list.</param>
    /// <param name="framing">The runtime's call, after <c>FrameEncoder.</c>, that frames a packet of the member's type.</param>
    internal static void WriteEncodeSwitch(SourceWriter writer, UnionModel model, string signature, string known, string general, string destination, System.Func<UnionMember, string> framing)
    {
        writer.Line($"{signature} => packet switch");
        writer.Line("{");
        foreach (var member in model.Members)
        {
            writer.Line($"    {member.FullyQualifiedName} p => {known}(p{destination}),");
        }

        writer.Line($"    _ => {RuntimeNames.FrameEncoder}.{general},");
        writer.Line("};");

        // One small method per packet, the runtime's framing inlined for exactly that type: the switch stays a few
        // type checks and a call, instead of one large method that sets up every packet's locals on every call.
        var returns = destination.Length == 0 ? "byte[]" : "int";
        var parameters = destination.Length == 0 ? string.Empty : ", global::System.Span<byte> destination";
        foreach (var member in model.Members)
        {
            writer.Line();

            // Not inlined into the switch: inlined, every packet's writer locals were zeroed on every call.
            writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
            writer.Line($"private static {returns} {known}({member.FullyQualifiedName} packet{parameters}) => {RuntimeNames.FrameEncoder}.{framing(member)};");
        }
    }

    /// <summary>
    /// The union's frame codec: the runtime's framing, generic over this struct, is compiled for this union, and each
    /// packet's reader is a direct call from the type switch.
    /// </summary>
    private static void WriteCodec(SourceWriter writer, UnionModel model)
    {
        var self = model.Declaration.FullyQualifiedName;
        writer.Line($"/// <summary>The frame codec of <see cref=\"{self}\"/>: the runtime's framing compiled for this union, with a direct call per packet kind.</summary>");
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Open($"public readonly struct FrameCodec : {RuntimeNames.IFrameCodec}<{self}>");
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public static {RuntimeNames.FrameFormat} FrameFormat => {RuntimeNames.FrameFormat}.{model.FrameFormatName};");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        writer.Open($"public static bool TryReadBody(byte packetType, ref {RuntimeNames.WireReader} reader, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out {self} packet)");
        WriteTypeSwitch(writer, model, static type => type.ToString(CultureInfo.InvariantCulture));
        writer.Close();
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        WritePacketNames(writer, model, "byte", static type => type.ToString(CultureInfo.InvariantCulture));
        writer.Line();
        WriteTryDecode(writer, self, model.HasLength);
        writer.Close();
    }

    /// <summary><c>GetPacketName</c>: a packet number of type <paramref name="typeKeyword"/> to its packet's name, or null.</summary>
    internal static void WritePacketNames(SourceWriter writer, UnionModel model, string typeKeyword, System.Func<long, string> caseLabel)
    {
        writer.Line($"public static string? GetPacketName({typeKeyword} packetType) => packetType switch");
        writer.Line("{");
        foreach (var member in model.Members)
        {
            writer.Line($"    {caseLabel(member.PacketType)} => \"{member.Name}\",");
        }

        writer.Line("    _ => null,");
        writer.Line("};");
    }

    /// <summary>
    /// The body of a union's <c>TryReadBody</c>: the switch over <c>packetType</c> that reads the packet it names, or
    /// refuses an unknown one. Every union's, whatever the width of its packet type (<paramref name="caseLabel"/>
    /// spells a packet number as a case label of that type).
    /// </summary>
    internal static void WriteTypeSwitch(SourceWriter writer, UnionModel model, System.Func<long, string> caseLabel)
    {
        if (model.IsInterface)
        {
            // A packet of an interface union may be a struct: each is read into its own local, then boxed.
            writer.Open("switch (packetType)");
            foreach (var member in model.Members)
            {
                var type = member.PacketType.ToString(CultureInfo.InvariantCulture);
                writer.Line($"case {caseLabel(member.PacketType)}:");
                writer.Line($"    if ({member.FullyQualifiedName}.TryReadFrom(ref reader, out var packet{type}))");
                writer.Line("    {");
                writer.Line($"        packet = packet{type};");
                writer.Line("        return true;");
                writer.Line("    }");
                writer.Line();
                writer.Line("    break;");
            }

            writer.Line("default:");
            writer.Line($"    return reader.Refuse({RuntimeNames.ProtocolErrorKind}.UnknownType, 0, out packet);");
            writer.Close();
            if (model.Members.Count > 0)
            {
                // Only a case that refused its body gets here (a union with no packets has none: no unreachable code).
                writer.Line();
                writer.Line("packet = default;");
                writer.Line("return false;");
            }

            return;
        }

        // Each packet's ReadOrNull (ReadEmitter) returns it: no out slot for every frame to clear and write through.
        writer.Line("// Each packet's reader returns it, or null when it refuses the body (the reader records why).");
        writer.Open("switch (packetType)");
        foreach (var member in model.Members)
        {
            writer.Line($"case {caseLabel(member.PacketType)}:");
            writer.Line($"    packet = {member.FullyQualifiedName}.ReadOrNull(ref reader);");
            writer.Line("    return packet is not null;");
        }

        // Not through `out packet`, which would put the packet in memory for every frame.
        writer.Line("default:");
        writer.Line($"    packet = reader.Refuse<{model.Declaration.FullyQualifiedName}>({RuntimeNames.ProtocolErrorKind}.UnknownType, 0);");
        writer.Line("    return false;");
        writer.Close();
    }

    /// <summary>
    /// The union's frame decoder: the runtime's framing rules (<c>FrameBody</c>, written once) around this union's
    /// type switch, so the per-frame path is compiled for this union with direct calls.
    /// </summary>
    private static void WriteTryDecode(SourceWriter writer, string self, bool hasLength)
    {
        writer.Line($"/// <summary>Decodes the frame at the start of <paramref name=\"buffer\"/>, as <see cref=\"{RuntimeNames.FrameDecoder}.TryDecode{{TUnion}}\"/> does.</summary>");
        writer.Open($"public static bool TryDecode(global::System.ReadOnlySpan<byte> buffer, long offset, bool isFinalBlock, in {RuntimeNames.FrameDecoderOptions} options, out {RuntimeNames.FrameResult}<{self}> frame)");
        if (hasLength)
        {
            WriteWholeFrame(writer, "buffer", "options", "TryReadBody", new[]
            {
                $"frame = new {RuntimeNames.FrameResult}<{self}>(packet, null, offset, length, reader.Remaining);",
                "return true;",
            });
            writer.Line("return TryDecodeSteps(buffer, offset, isFinalBlock, options, out frame);");
            writer.Close();
            writer.Line();
            writer.Line("/// <summary>The full steps of <see cref=\"TryDecode\"/>, out of line: the end of the data and bad frames.</summary>");
            writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
            writer.Open($"internal static bool TryDecodeSteps(global::System.ReadOnlySpan<byte> buffer, long offset, bool isFinalBlock, {RuntimeNames.FrameDecoderOptions} options, out {RuntimeNames.FrameResult}<{self}> frame)");
        }

        WriteFrameSteps(writer, "buffer", "FrameFormat", "isFinalBlock", "options", "TryReadBody(body.Type, ref body.Reader, out var packet)", new[]
        {
            $"frame = new {RuntimeNames.FrameResult}<{self}>(packet, null, offset, body.Length, body.TrailingLength);",
            "return true;",
        });
        writer.Line("return body.Fail(step, offset, GetPacketName(body.Type), out frame);");
        writer.Close();
    }

    /// <summary>
    /// A length-framed union's good frame in one pass: <c>FrameBody.TryOpenWhole</c> and <c>IsWholePacket</c> are the
    /// good cases that <c>Open</c> and <c>Close</c> run first, so a frame passes here exactly when the full steps would
    /// make it a packet; <paramref name="onPacket"/> has <c>packet</c>, <c>length</c> and <c>reader</c>. Anything else
    /// falls through to the full steps, which read the frame again and make its error.
    /// </summary>
    /// <param name="header">A <c>[FrameHeader]</c> union's header type; null for the built-in formats.</param>
    internal static void WriteWholeFrame(SourceWriter writer, string buffer, string options, string tryReadBody, string[] onPacket, string? header = null)
    {
        writer.Line("// A good frame in one pass, with no step state; the end of the data and a bad frame take the full steps below.");
        writer.Open($"if ({GoodFrameCode.Packet(buffer, options, tryReadBody, header)})");
        writer.Line(GoodFrameCode.Length(header));
        foreach (var line in onPacket)
        {
            writer.Line(line);
        }

        writer.Close();
        writer.Line();
    }

    /// <summary>
    /// The runtime's framing steps for one frame (<c>FrameBody.Open</c>, the union's body read, <c>Close</c>), with
    /// <paramref name="onPacket"/> for a good frame; the caller goes on with <c>body.Fail</c> for the rest. Every
    /// generated per-frame loop (decoder, enumerator, view reader) is this block, so they frame alike.
    /// </summary>
    internal static void WriteFrameSteps(SourceWriter writer, string buffer, string format, string isFinalBlock, string options, string readBody, string[] onPacket)
    {
        writer.Line($"var step = {RuntimeNames.FrameBody}.Open({buffer}, {format}, {isFinalBlock}, {options}, out var body);");
        writer.Open($"if (step == {RuntimeNames.FrameStep}.Body)");
        writer.Line($"step = body.Close({format}, {readBody}, {isFinalBlock}, {options});");
        writer.Open($"if (step == {RuntimeNames.FrameStep}.Packet)");
        foreach (var line in onPacket)
        {
            writer.Line(line);
        }

        writer.Close();
        writer.Close();
        writer.Line();
    }

    /// <summary>The enumerator <c>DecodeFrames</c> returns: the runtime's walk over a buffer, calling this union's decoder directly.</summary>
    private static void WriteFrameEnumerator(SourceWriter writer, string self, bool hasLength)
    {
        WriteFrameEnumeratorHead(writer, self, inline: hasLength);
        if (hasLength)
        {
            WriteWholeFrame(writer, "_buffer.Slice(_position)", "_options", "FrameCodec.TryReadBody", new[]
            {
                $"Current = new {RuntimeNames.FrameResult}<{self}>(packet, null, _position, length, reader.Remaining);",
                "_position += length;",
                "return true;",
            });
            // Into a local and then copied: were the enumerator passed by reference, its fields could not stay in registers.
            WriteTakeFrame(writer, "FrameCodec.TryDecodeSteps(_buffer.Slice(_position), _position, isFinalBlock: true, _options, out var frame)");
            return;
        }

        writer.Line("// FrameCodec.TryDecode's steps, writing the result in place: the frame is not copied out and back.");
        WriteFrameSteps(writer, "_buffer.Slice(_position)", "FrameCodec.FrameFormat", "isFinalBlock: true", "_options", "FrameCodec.TryReadBody(body.Type, ref body.Reader, out var packet)", new[]
        {
            $"Current = new {RuntimeNames.FrameResult}<{self}>(packet, null, _position, body.Length, body.TrailingLength);",
            "_position += (int)body.Length;",
            "return true;",
        });
        WriteTakeFrame(writer, $"body.Fail<{self}>(step, _position, FrameCodec.GetPacketName(body.Type), out var frame)");
    }

    /// <summary>
    /// A frame enumerator up to the body of its <c>MoveNext</c>, which the caller writes and closes with
    /// <see cref="WriteTakeFrame"/>: its state, <c>Current</c> and <c>GetEnumerator</c>, the same for every union.
    /// </summary>
    /// <param name="inline">Whether <c>MoveNext</c> is small enough to inline into the caller's loop.</param>
    internal static void WriteFrameEnumeratorHead(SourceWriter writer, string self, bool inline)
    {
        writer.Line("/// <summary>Walks a buffer that holds a whole stream of frames, yielding each packet or error in order; a bad frame never hides the next.</summary>");
        writer.Open("public ref struct FrameEnumerator");
        writer.Line("private readonly global::System.ReadOnlySpan<byte> _buffer;");
        writer.Line($"private readonly {RuntimeNames.FrameDecoderOptions} _options;");
        writer.Line("private int _position;");
        writer.Line();
        writer.Open($"internal FrameEnumerator(global::System.ReadOnlySpan<byte> buffer, {RuntimeNames.FrameDecoderOptions} options)");
        writer.Line("_buffer = buffer;");
        writer.Line("_options = options;");
        writer.Line("_position = 0;");
        writer.Line("Current = default;");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The frame at the current position.</summary>");
        writer.Line($"public {RuntimeNames.FrameResult}<{self}> Current {{ get; private set; }}");
        writer.Line();
        writer.Line("/// <summary>Returns this enumerator, for <c>foreach</c>.</summary>");
        writer.Line("public readonly FrameEnumerator GetEnumerator() => this;");
        writer.Line();
        writer.Line("/// <summary>Decodes the next frame; false at the end of the buffer.</summary>");
        if (inline)
        {
            // Small enough to inline into the caller's loop, where the enumerator's fields stay in registers.
            writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        }

        writer.Open("public bool MoveNext()");
    }

    /// <summary>
    /// The end of <c>MoveNext</c> for a frame the full steps decided (<paramref name="decide"/> gives <c>frame</c>, or
    /// false at the end of the buffer): it becomes <c>Current</c>, and the walk resumes after it. Closes the method and the enumerator.
    /// </summary>
    internal static void WriteTakeFrame(SourceWriter writer, string decide)
    {
        writer.Open($"if (!{decide})");
        writer.Line("return false;");
        writer.Close();
        writer.Line();
        writer.Line("Current = frame;");
        writer.Line($"_position = {RuntimeNames.FrameBody}.Next(_position, _buffer.Length, frame.Length);");
        writer.Line("return true;");
        writer.Close();
        writer.Close();
    }

    internal static void WriteLayoutsAndJson(SourceWriter writer, UnionModel model, string union)
    {
        var self = model.Declaration.FullyQualifiedName;
        var layouts = $"global::System.Collections.Immutable.ImmutableArray<{RuntimeNames.PacketLayout}>";

        // An interface root inherits IPacketUnion's static abstract members by name; its public statics of the same name hide them.
        var hides = model.IsInterface ? "new " : string.Empty;
        writer.Line($"private static readonly {layouts} s_layouts = global::System.Collections.Immutable.ImmutableArray.Create(");
        writer.Line("    " + (model.Members.Count == 0
            ? $"global::System.Array.Empty<{RuntimeNames.PacketLayout}>());"
            : string.Join(",\n    ", model.Members.Select(m => m.FullyQualifiedName + ".WireLayout")) + ");"));
        writer.Line();
        writer.Line("/// <summary>Every packet's byte layout, in type-byte order.</summary>");
        writer.Line($"public static {hides}{layouts} Layouts => s_layouts;");
        writer.Line();
        writer.Line($"static {layouts} {union}.Layouts => s_layouts;");
        writer.Line();

        writer.Line("/// <summary>Writes <paramref name=\"packet\"/> as a JSON object whose <c>kind</c> names the packet.</summary>");
        writer.Open($"public static {hides}void WriteJson({Json}Utf8JsonWriter writer, {self} packet)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(packet);");
        writer.Line("packet.WriteJson(writer);");
        writer.Close();
        writer.Line();
        writer.Line($"static void {union}.WriteJson({Json}Utf8JsonWriter writer, {self} packet) => WriteJson(writer, packet);");
        writer.Line();

        writer.Line($"/// <summary>Reads a packet from a JSON object whose <c>kind</c> names it, or throws <see cref=\"{RuntimeNames.WireJsonException}\"/>.</summary>");
        writer.Line($"public static {hides}{self} ReadJson({Json}JsonElement element) => {RuntimeNames.WireJson}.GetKind(element) switch");
        writer.Line("{");
        foreach (var member in model.Members)
        {
            writer.Line($"    \"{member.Name}\" => {RuntimeNames.WireJson}.Read<{member.FullyQualifiedName}>(element),");
        }

        writer.Line($"    var kind => throw {RuntimeNames.WireJson}.UnknownKind(kind, \"{model.Declaration.Name}\"),");
        writer.Line("};");
        writer.Line();
        writer.Line($"static {self} {union}.ReadJson({Json}JsonElement element) => ReadJson(element);");
    }
}
