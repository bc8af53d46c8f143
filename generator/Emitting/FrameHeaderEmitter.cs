using System.Globalization;
using System.Linq;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Emitting;

/// <summary>
/// Writes a <c>[FrameHeader]</c> record's <c>IFrameHeader</c> implementation: the record reads and writes itself as
/// any wire structure does (its magic, fixed values, padding, bit fields and byte order); this part only takes the
/// type and the body length out of it and puts them in. The length arithmetic is the runtime's <c>FrameLengths</c>.
/// </summary>
internal static class FrameHeaderEmitter
{
    public static string Emit(StructModel model)
    {
        var self = model.Declaration.FullyQualifiedName;
        var header = model.FrameHeader!;
        var contract = $"{RuntimeNames.IFrameHeader}<{self}>";
        return TypeScaffold.Emit(
            model.Declaration,
            " : " + contract,
            static _ => { },
            writer => WriteMembers(writer, model, self, contract, header),
            markGenerated: false);
    }

    private static void WriteMembers(SourceWriter writer, StructModel model, string self, string contract, FrameHeaderInfo header)
    {
        var size = Int(header.Size);
        var arguments = $"{Int(header.Scale)}, {Int(header.Offset)}, {(header.WholeFrame ? size : "0")}";
        writer.Line(TypeScaffold.GeneratedCodeAttribute);
        writer.Line($"static int {contract}.Size => {size};");
        writer.Line();
        writer.Line(TypeScaffold.GeneratedCodeAttribute);
        writer.Open($"static bool {contract}.TryRead(ref {RuntimeNames.WireReader} reader, out ulong type, out long bodyLength, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out {self} header)");
        writer.Open("if (!TryReadFrom(ref reader, out header))");
        writer.Line("type = 0;");
        writer.Line("bodyLength = 0;");
        writer.Line("return false;");
        writer.Close();
        writer.Line();
        writer.Line(header.Type is { } type ? $"type = header.{type.Name};" : "type = 0;");
        writer.Line($"bodyLength = {RuntimeNames.FrameLengths}.BodyLength(header.{header.Length.Name}, {arguments});");
        writer.Line("return true;");
        writer.Close();
        writer.Line();
        // The hot path: the same checks as TryReadFrom, straight from the bytes; a refusal falls back to TryRead for why.
        writer.Line(TypeScaffold.GeneratedCodeAttribute);
        writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        writer.Open($"static bool {contract}.TryReadFraming(global::System.ReadOnlySpan<byte> source, out ulong type, out long bodyLength)");
        writer.Line("type = 0;");
        writer.Line("bodyLength = 0;");
        var valueOf = ReadEmitter.WriteSilentRead(writer, model, "type", "bodyLength");
        writer.Line();
        if (header.Type is { } framingType)
        {
            writer.Line($"type = {valueOf(Field(model, framingType.Name))};");
        }

        writer.Line($"bodyLength = {RuntimeNames.FrameLengths}.BodyLength({valueOf(Field(model, header.Length.Name))}, {arguments});");
        writer.Line("return true;");
        writer.Close();
        writer.Line();
        writer.Line(TypeScaffold.GeneratedCodeAttribute);
        writer.Line($"static bool {contract}.CanDeclare(long bodyLength) => {RuntimeNames.FrameLengths}.CanDeclare(bodyLength, {arguments}, {header.Length.MaxValue.ToString(CultureInfo.InvariantCulture)}UL);");
        writer.Line();

        // Every other member is a fixed value, which the record writes as its constant whatever it holds.
        var values = header.Parameters.Select(name =>
            header.Type is { } t && name == t.Name ? $"({t.TypeName})type"
            : name == header.Length.Name ? $"({header.Length.TypeName}){RuntimeNames.FrameLengths}.Value(bodyLength, {arguments})"
            : "default");
        writer.Line(TypeScaffold.GeneratedCodeAttribute);
        writer.Open($"static void {contract}.Write(ulong type, long bodyLength, in {self} header, global::System.Span<byte> destination)");
        writer.Line($"var writer = new {RuntimeNames.WireWriter}(destination.Slice(0, {size}));");
        writer.Line($"new {self}({string.Join(", ", values)}).WriteTo(ref writer);");
        writer.Close();
    }

    private static FieldModel Field(StructModel model, string name) => model.Fields.First(f => f.Name == name);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
