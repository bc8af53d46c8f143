using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Emitting.Fields;

/// <summary>
/// The code of text ended by a 0x00 (<c>[NullTerminated] string</c>): a tail, its length found by the 0x00, read,
/// written, sized and viewed through the runtime's <c>WireTerminatedText</c>, which holds the rules.
/// </summary>
internal static class TerminatedTextCode
{
    private const string Kind = RuntimeNames.ProtocolErrorKind + ".";

    /// <summary>
    /// Reads the text at <paramref name="position"/> into <paramref name="local"/> and its bytes (0x00 included) into
    /// <c>{local}Length</c>; no 0x00 before the body's end is <c>LengthBeyondFrame</c>, bad UTF-8 <c>InvalidText</c>, both at the text's start.
    /// </summary>
    public static void WriteRead(SourceWriter writer, FieldModel field, string local, string position, System.Func<string, string, string> refuse)
    {
        writer.Line($"// {field.WireName}: UTF-8 up to its 0x00.");
        writer.Open($"if (!{RuntimeNames.WireTerminatedText}.TryDecode({(position == "0" ? "source" : $"source.Slice({position})")}, out var {local}, out var {local}Length))");
        writer.Line(refuse($"{local}Length < 0 ? {Kind}LengthBeyondFrame : {Kind}InvalidText", position));
        writer.Close();
        writer.Line();
    }

    /// <summary>Writes the text and its 0x00 at <c>position</c>, advancing it.</summary>
    public static string WriteTail(FieldModel field) =>
        $"position += {RuntimeNames.WireTerminatedText}.Write(this.{field.Name}, destination.Slice(position), {FieldCode.Quoted(field)});";

    /// <summary><c>WireSize</c>'s size of the text beyond its 0x00 (in the minimum), checked: null, invalid UTF-16 or U+0000 throw naming the field.</summary>
    public static string CheckedSize(FieldModel field) =>
        $"{RuntimeNames.WireTerminatedText}.TextSize(this.{field.Name}, {FieldCode.Quoted(field)})";

    /// <summary>The view's accessors: the text's UTF-8 (without its 0x00) and a method that makes the string.</summary>
    public static void WriteViewAccessor(SourceWriter writer, FieldModel field, string summary, string at)
    {
        ViewEmitter.WriteTextAccessors(writer, field, summary + ", as its UTF-8 bytes before its 0x00 (checked valid).</summary>", $"{RuntimeNames.WireTerminatedText}.Text(_bytes.Slice({at}))");
    }

    /// <summary>The field's bytes in a checked view, its 0x00 included, starting at <paramref name="at"/>.</summary>
    public static string ViewLength(string at) => $"{RuntimeNames.WireTerminatedText}.Length(_bytes.Slice({at}))";

    /// <summary>The view check's rule: a 0x00 before the end, valid UTF-8 before it.</summary>
    public static void WriteViewCheck(SourceWriter writer, FieldModel field, string length)
    {
        writer.Line($"// {field.WireName}: UTF-8 up to its 0x00.");
        writer.Line($"var {length} = {RuntimeNames.WireTerminatedText}.CheckedLength(bytes.Slice(at));");
        writer.Open($"if ({length} < 0)");
        writer.Line("return -1;");
        writer.Close();
        writer.Line();
        writer.Line($"at += {length};");
    }
}
