namespace ProtocolGen.Generator.Emitting;

/// <summary>
/// What a union's packet members do when one of its packets has a ProtocolGen error and so gets no codec.
/// </summary>
/// <remarks>
/// The error is reported once, on the declaration. Left abstract (or left to an interface's packets), the
/// union's members would add four compiler errors on that packet for the same mistake. Here they have
/// bodies that throw, which only a build that went on despite the error could ever reach; packets with a
/// codec still override (or implement) them as usual.
/// </remarks>
internal static class WithheldCodecEmitter
{
    internal const string Throw = "throw new global::System.InvalidOperationException(\"This packet has no codec: its declaration has a ProtocolGen error (PG diagnostic) to fix.\")";

    public static void WriteInterfaceMembers(SourceWriter writer, bool packets = true)
    {
        // Default implementations in the union interface; a packet's (or case's) own members take precedence.
        if (packets)
        {
            writer.Line($"byte {RuntimeNames.IPacket}.PacketType => {Throw};");
            writer.Line();
        }

        writer.Line($"int {RuntimeNames.IWireWritable}.WireSize => {Throw};");
        writer.Line();
        writer.Line($"void {RuntimeNames.IWireWritable}.WriteTo(ref {RuntimeNames.WireWriter} writer) => {Throw};");
        writer.Line();
        writer.Line($"void {RuntimeNames.IJsonWritable}.WriteJson(global::System.Text.Json.Utf8JsonWriter writer) => {Throw};");
        writer.Line();
    }
}
