using System.Globalization;
using System.Linq;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Emitting;

/// <summary>Writes a union's dispatch: the type-byte switch, packet names, and frame encode and decode entry points.</summary>
internal static class UnionEmitter
{
    private const string Runtime = "global::ProtocolGen.";
    private const string Json = "global::System.Text.Json.";

    public static string Emit(UnionModel model)
    {
        var self = model.Declaration.FullyQualifiedName;
        return TypeScaffold.Emit(
            model.Declaration,
            $" : {Runtime}IPacketUnion<{self}>",
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

    private static LayoutRow[] HeaderRows(UnionModel model) => model.HasLength
        ? new[]
        {
            new LayoutRow(0, 1, "type", "u8"),
            new LayoutRow(1, 4, "body length", "u32"),
            new LayoutRow(null, null, "body", "body length bytes"),
        }
        : new[]
        {
            new LayoutRow(0, 1, "type", "u8"),
            new LayoutRow(null, null, "body", "the packet's fields"),
        };

    private static void WriteMembers(SourceWriter writer, UnionModel model)
    {
        var self = model.Declaration.FullyQualifiedName;
        var union = $"{Runtime}IPacketUnion<{self}>";

        if (model.HasPacketsWithoutCodec)
        {
            WithheldCodecEmitter.WriteMembers(writer, model);
        }
        else if (!model.IsInterface)
        {
            writer.Line("/// <inheritdoc/>");
            writer.Line("public abstract byte PacketType { get; }");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line("public abstract int WireSize { get; }");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line($"public abstract void WriteTo(ref {Runtime}WireWriter writer);");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line("public abstract void WriteJson(global::System.Text.Json.Utf8JsonWriter writer);");
            writer.Line();
        }

        writer.Line($"static {Runtime}FrameFormat {union}.FrameFormat => {Runtime}FrameFormat.{model.FrameFormatName};");
        writer.Line();

        writer.Open($"static bool {union}.TryReadBody(byte packetType, ref {Runtime}WireReader reader, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out {self} packet)");
        writer.Line("return packetType switch");
        writer.Line("{");
        foreach (var member in model.Members)
        {
            writer.Line($"    {member.PacketType.ToString(CultureInfo.InvariantCulture)} => {Runtime}PacketDispatch.Read<{self}, {member.FullyQualifiedName}>(ref reader, out packet),");
        }

        writer.Line($"    _ => {Runtime}PacketDispatch.Unknown(ref reader, out packet),");
        writer.Line("};");
        writer.Close();
        writer.Line();

        writer.Line($"static string? {union}.GetPacketName(byte packetType) => packetType switch");
        writer.Line("{");
        foreach (var member in model.Members)
        {
            writer.Line($"    {member.PacketType.ToString(CultureInfo.InvariantCulture)} => \"{member.Name}\",");
        }

        writer.Line("    _ => null,");
        writer.Line("};");
        writer.Line();

        WriteLayoutsAndJson(writer, model, union);
        writer.Line();

        writer.Line("/// <summary>Decodes exactly one frame, or throws <see cref=\"global::ProtocolGen.ProtocolException\"/>.</summary>");
        writer.Line($"public static {self} DecodeFrame(global::System.ReadOnlySpan<byte> frame) => {Runtime}FrameDecoder.DecodeSingle<{self}>(frame);");
        writer.Line();
        writer.Line("/// <summary>Decodes every frame of <paramref name=\"buffer\"/>: each a packet or a typed error, and a bad frame never hides the next.</summary>");
        writer.Line($"public static {Runtime}FrameEnumerator<{self}> DecodeFrames(global::System.ReadOnlySpan<byte> buffer) => {Runtime}FrameDecoder.Enumerate<{self}>(buffer);");
        writer.Line();
        writer.Line("/// <summary>Decodes every frame of <paramref name=\"buffer\"/> with <paramref name=\"options\"/>.</summary>");
        writer.Line($"public static {Runtime}FrameEnumerator<{self}> DecodeFrames(global::System.ReadOnlySpan<byte> buffer, {Runtime}FrameDecoderOptions options) => {Runtime}FrameDecoder.Enumerate<{self}>(buffer, options);");
        writer.Line();
        writer.Line("/// <summary>Encodes <paramref name=\"packet\"/> as a frame in a new array.</summary>");
        writer.Line($"public static byte[] EncodeFrame({self} packet) => {Runtime}FrameEncoder.ToArray(packet);");
        writer.Line();
        writer.Line("/// <summary>Encodes <paramref name=\"packet\"/> as a frame at the start of <paramref name=\"destination\"/> and returns its size.</summary>");
        writer.Line($"public static int EncodeFrame({self} packet, global::System.Span<byte> destination) => {Runtime}FrameEncoder.Write(packet, destination);");
        writer.Line();
        writer.Line("/// <summary>Encodes <paramref name=\"packet\"/> as a frame into <paramref name=\"destination\"/>.</summary>");
        writer.Line($"public static void EncodeFrame({self} packet, global::System.Buffers.IBufferWriter<byte> destination) => {Runtime}FrameEncoder.Write(packet, destination);");
    }

    private static void WriteLayoutsAndJson(SourceWriter writer, UnionModel model, string union)
    {
        var self = model.Declaration.FullyQualifiedName;
        var layouts = $"global::System.Collections.Immutable.ImmutableArray<{Runtime}PacketLayout>";

        // An interface root inherits IPacketUnion's static abstract members by name; its public statics of the same name hide them.
        var hides = model.IsInterface ? "new " : string.Empty;
        writer.Line($"private static readonly {layouts} s_layouts = global::System.Collections.Immutable.ImmutableArray.Create(");
        writer.Line("    " + (model.Members.Count == 0
            ? "global::System.Array.Empty<global::ProtocolGen.PacketLayout>());"
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

        writer.Line("/// <summary>Reads a packet from a JSON object whose <c>kind</c> names it, or throws <see cref=\"global::ProtocolGen.WireJsonException\"/>.</summary>");
        writer.Line($"public static {hides}{self} ReadJson({Json}JsonElement element) => {Runtime}WireJson.GetKind(element) switch");
        writer.Line("{");
        foreach (var member in model.Members)
        {
            writer.Line($"    \"{member.Name}\" => {Runtime}WireJson.Read<{member.FullyQualifiedName}>(element),");
        }

        writer.Line($"    var kind => throw {Runtime}WireJson.UnknownKind(kind, \"{model.Declaration.Name}\"),");
        writer.Line("};");
        writer.Line();
        writer.Line($"static {self} {union}.ReadJson({Json}JsonElement element) => ReadJson(element);");
    }
}
