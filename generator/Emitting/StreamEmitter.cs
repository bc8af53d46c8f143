using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Emitting;

/// <summary>
/// Writes a union's loop over good whole frames for the stream decoder (<c>WholeFrames</c>, nested in the union): the
/// good case of the runtime's framing (<c>FrameBody.TryOpenWhole</c>, the union's type switch, <c>IsWholePacket</c>)
/// frame after frame, as the union's own <c>FrameEnumerator</c> runs it over a buffer. The stream decoder, generic over
/// the union, calls it once per piece of the stream and reads only the frame it stops at itself (cut, bad, or a union
/// without a length, which has no such case), so most frames cost no shared generic code.
/// </summary>
internal static class StreamEmitter
{
    private const string IWholeFrames = RuntimeNames.InternalNamespace + ".IWholeFrames";

    public static void WriteWholeFrames(SourceWriter writer, UnionModel model)
    {
        var self = model.Declaration.FullyQualifiedName;
        writer.Line($"/// <summary>The good whole frames at the start of a buffer, decoded by code compiled for <see cref=\"{self}\"/>, for the stream decoder.</summary>");
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Open($"public readonly struct WholeFrames : {IWholeFrames}<{self}>");
        writer.Line("/// <inheritdoc/>");
        writer.Open(
            $"public int DecodeWhole<TSink>(global::System.ReadOnlySpan<byte> buffer, long offset, in {RuntimeNames.FrameDecoderOptions} options, ref TSink sink)\n" +
            $"    where TSink : {RuntimeNames.IFrameSink}<{self}>");
        if (!model.HasLength)
        {
            writer.Line("// Without a declared length, whether a frame is whole depends on the end of the data: the full steps decide.");
            writer.Line("return 0;");
            writer.Close();
            writer.Close();
            return;
        }

        writer.Line("var position = 0;");
        writer.Open($"while ({GoodFrameCode.Packet("buffer.Slice(position)", "options", "FrameCodec.TryReadBody")})");
        writer.Line(GoodFrameCode.Length());
        writer.Line($"sink.OnFrame(new {RuntimeNames.FrameResult}<{self}>(packet, null, offset + position, length, reader.Remaining), buffer.Slice(position, length));");
        writer.Line("position += length;");
        writer.Close();
        writer.Line();
        writer.Line("return position;");
        writer.Close();
        writer.Close();
    }
}
