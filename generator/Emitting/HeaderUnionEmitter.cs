using System.Globalization;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Emitting;

/// <summary>
/// Writes the dispatch of a union framed by a <c>[FrameHeader]</c>: the type switch over the header's packet type
/// (which may be wider than a byte) and entry points that hand the runtime's framing, written once in
/// <c>FrameBody</c>, <c>FrameDecoder</c> and <c>FrameEncoder</c>, the header and this switch as type arguments.
/// </summary>
/// <remarks>The built-in formats keep <see cref="UnionEmitter"/>, whose code this does not change.</remarks>
internal static class HeaderUnionEmitter
{
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
        var header = model.Header!;
        writer.Line("/// <remarks>");
        writer.Line($"/// Framed as a <see cref=\"{header.FullyQualifiedName}\"/> ({Int(header.Size)} bytes), then the body it declares.");
        writer.Line(header.TypeBits is null ? "/// The header has no type: the union has one packet." : "/// Packets, by frame type:");
        writer.Line("/// <list type=\"table\">");
        foreach (var member in model.Members)
        {
            writer.Line($"/// <item><term>{Long(member.PacketType)}</term><description><see cref=\"{member.FullyQualifiedName}\"/></description></item>");
        }

        writer.Line("/// </list>");
        writer.Line("/// </remarks>");
    }

    private static void WriteMembers(SourceWriter writer, UnionModel model)
    {
        var self = model.Declaration.FullyQualifiedName;
        var header = model.Header!.FullyQualifiedName;
        var union = $"{RuntimeNames.IPacketUnion}<{self}>";
        var maybeNull = "[global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] ";
        var types = $"{self}, {header}, FrameCodec";

        if (model.IsInterface)
        {
            if (model.HasPacketsWithoutCodec)
            {
                WithheldCodecEmitter.WriteInterfaceMembers(writer);
            }
        }
        else
        {
            UnionEmitter.WriteClassPacketMembers(writer, withheld: model.HasPacketsWithoutCodec);
        }

        WriteCodec(writer, model, types);
        writer.Line();

        // The union's own members route to the header's framing, so code generic over the union alone frames alike.
        writer.Line($"static {RuntimeNames.FrameFormat} {union}.FrameFormat => {RuntimeNames.FrameFormat}.Header;");
        writer.Line();
        writer.Line($"static bool {union}.TryReadBody(byte packetType, ref {RuntimeNames.WireReader} reader, {maybeNull}out {self} packet) => FrameCodec.TryReadBody(packetType, ref reader, out packet);");
        writer.Line();
        writer.Line($"static string? {union}.GetPacketName(byte packetType) => FrameCodec.GetPacketName(packetType);");
        writer.Line();
        writer.Line($"static bool {union}.TryDecodeFrame(global::System.ReadOnlySpan<byte> buffer, long offset, bool isFinalBlock, in {RuntimeNames.FrameDecoderOptions} options, out {RuntimeNames.FrameResult}<{self}> frame) =>");
        writer.Line($"    {RuntimeNames.FrameDecoder}.TryDecode<{types}>(buffer, offset, isFinalBlock, options, out frame);");
        writer.Line();
        writer.Line($"static int {union}.FrameHeaderSize => {Int(model.Header.Size)};");
        writer.Line();
        writer.Line($"static bool {union}.TryGetFrameLength(global::System.ReadOnlySpan<byte> source, out long frameLength) => {RuntimeNames.FrameBody}.TryGetFrameLength<{header}>(source, out frameLength);");
        writer.Line();
        writer.Line($"static {self} {union}.DecodeSingleFrame(global::System.ReadOnlySpan<byte> frame, in {RuntimeNames.FrameDecoderOptions} options) => {RuntimeNames.FrameDecoder}.DecodeSingle<{types}>(frame, options);");
        writer.Line();
        writer.Line($"static int {union}.GetFrameSize({self} packet, int trailingLength, in {RuntimeNames.FrameEncoderOptions} options) => {RuntimeNames.FrameEncoder}.GetHeaderFrameSize<{self}, {header}>(packet, trailingLength, options);");
        writer.Line();
        writer.Line($"static int {union}.WriteFrame({self} packet, global::System.ReadOnlySpan<byte> trailingBytes, global::System.Span<byte> destination, in {RuntimeNames.FrameEncoderOptions} options) =>");
        writer.Line($"    {RuntimeNames.FrameEncoder}.WriteHeaderFrame<{types}>(packet, trailingBytes, destination, options);");
        writer.Line();

        UnionEmitter.WriteLayoutsAndJson(writer, model, union);
        writer.Line();

        writer.Line($"/// <summary>Decodes exactly one frame, or throws <see cref=\"{RuntimeNames.ProtocolException}\"/>.</summary>");
        writer.Line($"public static {self} DecodeFrame(global::System.ReadOnlySpan<byte> frame) => {RuntimeNames.FrameDecoder}.DecodeSingle<{types}>(frame);");
        writer.Line();
        writer.Line("/// <summary>Decodes every frame of <paramref name=\"buffer\"/>: each a packet or a typed error, and a bad frame never hides the next.</summary>");
        writer.Line("public static FrameEnumerator DecodeFrames(global::System.ReadOnlySpan<byte> buffer, " + RuntimeNames.FrameDecoderOptions + " options = default) => new(buffer, options);");
        writer.Line();
        WriteFrameEnumerator(writer, self, header);
        writer.Line();
        writer.Line("/// <summary>Encodes <paramref name=\"packet\"/> as a frame in a new array.</summary>");
        UnionEmitter.WriteEncodeSwitch(writer, model, $"public static byte[] EncodeFrame({self} packet)", "HeaderPacketToArray", $"HeaderFrameToArray<{types}>(packet)", string.Empty,
            m => $"HeaderPacketToArray<{header}, {m.FullyQualifiedName}>({Long(m.PacketType)}, packet)");
        writer.Line();
        writer.Line("/// <summary>Encodes <paramref name=\"packet\"/> as a frame at the start of <paramref name=\"destination\"/> and returns its size.</summary>");
        UnionEmitter.WriteEncodeSwitch(writer, model, $"public static int EncodeFrame({self} packet, global::System.Span<byte> destination)", "WriteHeaderPacket", $"WriteHeaderFrame<{types}>(packet, global::System.ReadOnlySpan<byte>.Empty, destination, default)", ", destination",
            m => $"WriteHeaderPacket<{header}, {m.FullyQualifiedName}>({Long(m.PacketType)}, packet, destination)");
        writer.Line();
        writer.Line("/// <summary>Encodes <paramref name=\"packet\"/> as a frame into <paramref name=\"destination\"/>.</summary>");
        writer.Line($"public static void EncodeFrame({self} packet, global::System.Buffers.IBufferWriter<byte> destination) => {RuntimeNames.FrameEncoder}.WriteHeaderFrame<{types}>(packet, global::System.ReadOnlySpan<byte>.Empty, destination);");
    }

    /// <summary>
    /// The enumerator <c>DecodeFrames</c> returns: a good whole frame in one pass through the header and this union's
    /// type switch (<see cref="GoodFrameCode"/>, as the built-in unions' enumerators), every other frame by the
    /// runtime's full steps.
    /// </summary>
    private static void WriteFrameEnumerator(SourceWriter writer, string self, string header)
    {
        UnionEmitter.WriteFrameEnumeratorHead(writer, self, inline: true);
        UnionEmitter.WriteWholeFrame(writer, "_buffer.Slice(_position)", "_options", "FrameCodec.TryReadBody", new[]
        {
            $"Current = new {RuntimeNames.FrameResult}<{self}>(packet, null, _position, length, reader.Remaining);",
            "_position += length;",
            "return true;",
        }, header);
        UnionEmitter.WriteTakeFrame(writer, "FrameCodec.TryDecode(_buffer.Slice(_position), _position, isFinalBlock: true, _options, out var frame)");
    }

    private static void WriteCodec(SourceWriter writer, UnionModel model, string types)
    {
        var self = model.Declaration.FullyQualifiedName;
        writer.Line($"/// <summary>The frame codec of <see cref=\"{self}\"/>: its type switch, for the runtime's framing over its header.</summary>");
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Open($"public readonly struct FrameCodec : {RuntimeNames.IHeaderFrameCodec}<{self}>");
        writer.Line("/// <inheritdoc/>");
        writer.Open($"public static bool TryReadBody(ulong packetType, ref {RuntimeNames.WireReader} reader, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out {self} packet)");
        UnionEmitter.WriteTypeSwitch(writer, model, Long);
        writer.Close();
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        UnionEmitter.WritePacketNames(writer, model, "ulong", Long);
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public static ulong TypeOf({self} packet) => packet switch");
        writer.Line("{");
        foreach (var member in model.Members)
        {
            writer.Line($"    {member.FullyQualifiedName} => {Long(member.PacketType)},");
        }

        writer.Line("    null => throw new global::System.ArgumentNullException(nameof(packet)),");
        writer.Line($"    _ => throw new global::System.ArgumentException(\"'\" + packet.GetType().Name + \"' is not a packet of {model.Declaration.Name}.\", nameof(packet)),");
        writer.Line("};");
        writer.Line();
        writer.Line($"/// <summary>Decodes the frame at the start of <paramref name=\"buffer\"/>, as <see cref=\"{RuntimeNames.FrameDecoder}.TryDecode{{TUnion}}\"/> does.</summary>");
        writer.Line($"public static bool TryDecode(global::System.ReadOnlySpan<byte> buffer, long offset, bool isFinalBlock, in {RuntimeNames.FrameDecoderOptions} options, out {RuntimeNames.FrameResult}<{self}> frame) =>");
        writer.Line($"    {RuntimeNames.FrameDecoder}.TryDecode<{types}>(buffer, offset, isFinalBlock, options, out frame);");
        writer.Close();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Long(long value) => value.ToString(CultureInfo.InvariantCulture) + "UL";
}
