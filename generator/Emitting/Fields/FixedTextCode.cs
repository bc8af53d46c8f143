using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Emitting.Fields;

/// <summary>
/// The code of text in a field of fixed length (<c>[FixedLength(n)] string</c>): a head of n bytes in its run, read,
/// written, checked and viewed through the runtime's <c>WireFixedText</c>, which holds the padding rules.
/// </summary>
internal static class FixedTextCode
{
    private const string Kind = RuntimeNames.ProtocolErrorKind + ".";

    /// <summary>
    /// Reads the field from its n bytes at <paramref name="runOffset"/> in <paramref name="run"/> into <paramref name="local"/>;
    /// bad padding or invalid UTF-8 refuses (<c>InvalidText</c>) at the bad padding byte or the field's start.
    /// </summary>
    public static void WriteRead(SourceWriter writer, FieldModel field, string run, int runOffset, string local, string start, System.Func<string, string, string> refuse)
    {
        var bad = local + "Bad";
        writer.Open($"if (!{RuntimeNames.WireFixedText}.{(field.Terminated ? "TryDecodeTerminated" : "TryDecode")}({Bytes(field, run, runOffset)}, out var {local}, out var {bad}))");
        writer.Line(refuse($"{Kind}InvalidText", start == "0" ? bad : $"{start} + {bad}"));
        writer.Close();
        writer.Line();
    }

    /// <summary>Writes the field's text, then 0x00 to its end, at <paramref name="offset"/> in <paramref name="run"/>.</summary>
    public static string WriteHead(FieldModel field, string run, int offset) =>
        $"{RuntimeNames.WireFixedText}.Write(this.{field.Name}, {Bytes(field, run, offset)}, {FieldCode.Quoted(field)});";

    /// <summary><c>WireSize</c>'s check: null, invalid UTF-16, U+0000 or text too long throw naming the field.</summary>
    public static string SizeCheck(FieldModel field) =>
        $"{RuntimeNames.WireFixedText}.{(field.Terminated ? "CheckTerminated" : "Check")}(this.{field.Name}, {FieldCode.Int(field.Length)}, {FieldCode.Quoted(field)});";

    /// <summary>The view's accessors: the text's UTF-8 (before the first 0x00) and a method that makes the string.</summary>
    public static void WriteViewAccessor(SourceWriter writer, FieldModel field, string summary, string at)
    {
        ViewEmitter.WriteTextAccessors(writer, field, summary + ", as its UTF-8 bytes before the 0x00 padding (checked valid).</summary>", $"{RuntimeNames.WireFixedText}.Text({Bytes(field, "_bytes", at)})");
    }

    /// <summary>The view check's rule: the decoder's padding and UTF-8 rules, with no string made.</summary>
    public static void WriteViewCheck(SourceWriter writer, FieldModel field, string at)
    {
        writer.Open($"if (!{RuntimeNames.WireFixedText}.{(field.Terminated ? "IsValidTerminated" : "IsValid")}({Bytes(field, "bytes", at)}))");
        writer.Line("return -1;");
        writer.Close();
        writer.Line();
    }

    private static string Bytes(FieldModel field, string span, int offset) => Bytes(field, span, FieldCode.Int(offset));

    private static string Bytes(FieldModel field, string span, string at) => $"{span}.Slice({at}, {FieldCode.Int(field.Length)})";
}
