namespace ProtocolGen.Generator.Emitting;

/// <summary>
/// The good case of the runtime's framing, as every generated frame loop writes it (the enumerator and decoder in
/// <see cref="UnionEmitter"/>, the stream loop in <see cref="StreamEmitter"/>, the view loop in <see cref="HandlerEmitter"/>):
/// <c>FrameBody.TryOpenWhole</c> and <c>FrameBody.IsWholePacket</c> are the good cases that <c>Open</c> and <c>Close</c>
/// run first, so a frame passes exactly when the full steps would make it a packet, and every other frame is left to them.
/// </summary>
internal static class GoodFrameCode
{
    /// <summary>The frame at the start of <paramref name="buffer"/> is whole and within the cap; declares <c>type</c> and <c>reader</c> (its body).</summary>
    /// <param name="header">A <c>[FrameHeader]</c> union's header type; null for the built-in formats.</param>
    public static string Opened(string buffer, string options, string? header = null) =>
        $"{RuntimeNames.FrameBody}.TryOpenWhole{Of(header)}({buffer}, {options}, out var type, out var reader)";

    /// <summary>
    /// <see cref="Opened"/>, then the union's <paramref name="tryReadBody"/> makes <c>packet</c> and leaves no byte of the
    /// body it may not leave: the whole condition, over three lines.
    /// </summary>
    public static string Packet(string buffer, string options, string tryReadBody, string? header = null) =>
        Opened(buffer, options, header) + "\n" +
        $"    && {tryReadBody}(type, ref reader, out var packet)\n" +
        $"    && {RuntimeNames.FrameBody}.IsWholePacket(reader, {options})";

    /// <summary>The statement that declares <c>length</c>, the good frame's whole length.</summary>
    public static string Length(string? header = null) => $"var length = {RuntimeNames.FrameBody}.WholeLength{Of(header)}(reader);";

    private static string Of(string? header) => header is null ? string.Empty : $"<{header}>";
}
