using System.Globalization;
using System.Linq;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Emitting;

/// <summary>
/// Writes a wire union's part: the interface gains <c>IWireWritable</c> and <c>IJsonWritable</c> (every case has
/// both), and a nested <c>WireCases</c> struct holds the dispatch over its tags that records with a <c>[Switch]</c>
/// member of it call.
/// </summary>
internal static class WireUnionEmitter
{
    private const string Hidden = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";

    public static string Emit(WireUnionModel model) => TypeScaffold.Emit(
        model.Declaration,
        $" : {RuntimeNames.IWireWritable}, {RuntimeNames.IJsonWritable}",
        writer => WriteDocs(writer, model),
        writer => WriteCases(writer, model));

    private static void WriteDocs(SourceWriter writer, WireUnionModel model)
    {
        writer.Line("/// <remarks>");
        writer.Line("/// A wire union: a <c>[Switch]</c> member reads the case its selector's value picks.");
        writer.Line("/// <list type=\"table\">");
        foreach (var wireCase in model.Cases)
        {
            writer.Line($"/// <item><term>{wireCase.TagDisplay}</term><description><see cref=\"{wireCase.FullyQualifiedName}\"/> (<c>{wireCase.Name}</c>)</description></item>");
        }

        writer.Line(model.Default is { } fallback
            ? $"/// <item><term>any other</term><description><see cref=\"{fallback.FullyQualifiedName}\"/> (<c>{fallback.Name}</c>), which keeps the bytes</description></item>"
            : "/// <item><term>any other</term><description>refused as <c>UnknownType</c></description></item>");
        writer.Line("/// </list>");
        writer.Line("/// </remarks>");
    }

    private static void WriteCases(SourceWriter writer, WireUnionModel model)
    {
        var self = model.Declaration.FullyQualifiedName;
        if (model.HasCasesWithoutCodec)
        {
            WithheldCodecEmitter.WriteInterfaceMembers(writer, packets: false);
        }

        writer.Line($"/// <summary>The dispatch over <see cref=\"{self}\"/>'s cases by tag, for generated code.</summary>");
        writer.Line(Hidden);
        // A struct, as FrameCodec is: generic helpers over it get code of their own, so its static members are called
        // directly, where a class type argument would share code that looks each one up per call.
        writer.Open($"public readonly struct WireCases : {RuntimeNames.IWireCases}<{self}>");
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public static string UnionName => \"{model.Declaration.Name}\";");
        writer.Line();
        WriteTryRead(writer, model, self);
        writer.Line();
        WriteSizeIfCaseOf(writer, model, self);
        writer.Line();
        WriteDefaultMembers(writer, model, self);
        writer.Line();
        WriteWriteAfterSize(writer, model, self);
        writer.Line();
        WriteReadJson(writer, model, self);
        writer.Close();
    }

    private static void WriteTryRead(SourceWriter writer, WireUnionModel model, string self)
    {
        writer.Line("/// <inheritdoc/>");
        writer.Open($"public static bool TryRead(ulong tag, ref {RuntimeNames.WireReader} reader, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out {self} value)");
        writer.Open("switch (tag)");
        for (var i = 0; i < model.Cases.Count; i++)
        {
            writer.Line($"case {Tag(model.Cases[i].Tag)}: // {model.Cases[i].TagDisplay}");
            WriteReadCase(writer, model.Cases[i], "case" + i.ToString(CultureInfo.InvariantCulture));
        }

        writer.Line("default:");
        if (model.Default is { } fallback)
        {
            WriteReadCase(writer, fallback, "other");
        }
        else
        {
            writer.Line($"    reader.Fail({RuntimeNames.ProtocolErrorKind}.UnknownType);");
            writer.Line("    break;");
        }

        writer.Close();
        writer.Line();
        writer.Line("value = null;");
        writer.Line("return false;");
        writer.Close();
    }

    // Locals by position, not by the case's name, which could be another case's or a parameter's.
    private static void WriteReadCase(SourceWriter writer, WireCaseInfo wireCase, string local)
    {
        writer.Line($"    if (reader.TryReadStruct<{wireCase.FullyQualifiedName}>(out var {local}))");
        writer.Line("    {");
        writer.Line($"        value = {local};");
        writer.Line("        return true;");
        writer.Line("    }");
        writer.Line();
        writer.Line("    break;");
    }

    // A dispatch over two records (a case and the default, or two cases) is inlined into the record holding the union.
    // A wider one stays a call: each case's writer is inlined into it, and inlining those into the holder as well
    // multiplies with every level of nesting (Ethernet, IP, transport) until the JIT's inline budget for the holder runs
    // out and the smallest helpers (a slice, a big-endian write) become calls. The nesting is not known here (a union
    // does not know its holders), so the width decides.
    private static void WriteInliningHint(SourceWriter writer, WireUnionModel model)
    {
        if (model.Cases.Count + (model.Default is null ? 0 : 1) <= 2)
        {
            writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        }
    }

    // One type test per case, which checks the tag and sizes the case by a direct call to its record (no interface dispatch).
    private static void WriteSizeIfCaseOf(SourceWriter writer, WireUnionModel model, string self)
    {
        writer.Line("/// <inheritdoc/>");
        WriteInliningHint(writer, model);
        writer.Line($"public static int SizeIfCaseOf(ulong tag, {self} value) => value switch");
        writer.Line("{");
        for (var i = 0; i < model.Cases.Count; i++)
        {
            writer.Line($"    {model.Cases[i].FullyQualifiedName} case{i.ToString(CultureInfo.InvariantCulture)} when tag == {Tag(model.Cases[i].Tag)} => case{i.ToString(CultureInfo.InvariantCulture)}.WireSize,");
        }

        if (model.Default is { } fallback)
        {
            writer.Line($"    {fallback.FullyQualifiedName} other when {OtherTags(model)} => other.WireSize,");
        }

        writer.Line("    _ => -1,");
        writer.Line("};");
    }

    // What a [DefaultCaseWhen] guard reads and sizes: the default case whatever the tag; for a union without one (which
    // PG0050 keeps guards off), a failure and -1.
    private static void WriteDefaultMembers(SourceWriter writer, WireUnionModel model, string self)
    {
        writer.Line("/// <inheritdoc/>");
        writer.Line(model.Default is { } named
            ? $"public static string? DefaultName => \"{Parsing.NameConventions.ShortName(named.FullyQualifiedName)}\";"
            : "public static string? DefaultName => null;");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Open($"public static bool TryReadDefault(ref {RuntimeNames.WireReader} reader, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out {self} value)");
        if (model.Default is { } fallback)
        {
            writer.Open($"if (reader.TryReadStruct<{fallback.FullyQualifiedName}>(out var other))");
            writer.Line("value = other;");
            writer.Line("return true;");
            writer.Close();
            writer.Line();
        }
        else
        {
            writer.Line($"reader.Fail({RuntimeNames.ProtocolErrorKind}.UnknownType);");
        }

        writer.Line("value = null;");
        writer.Line("return false;");
        writer.Close();
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        writer.Line(model.Default is { } sized
            ? $"public static int SizeIfDefault({self} value) => value is {sized.FullyQualifiedName} other ? other.WireSize : -1;"
            : $"public static int SizeIfDefault({self} value) => -1;");
    }

    private static void WriteWriteAfterSize(SourceWriter writer, WireUnionModel model, string self)
    {
        writer.Line("/// <inheritdoc/>");
        WriteInliningHint(writer, model);
        writer.Open($"public static void WriteAfterSize(ref {RuntimeNames.WireWriter} writer, {self} value)");
        writer.Open("switch (value)");
        for (var i = 0; i < model.Cases.Count; i++)
        {
            var local = "case" + i.ToString(CultureInfo.InvariantCulture);
            writer.Line($"case {model.Cases[i].FullyQualifiedName} {local}:");
            writer.Line($"    {local}.WriteAfterSize(ref writer);");
            writer.Line("    break;");
        }

        if (model.Default is { } fallback)
        {
            writer.Line($"case {fallback.FullyQualifiedName} other:");
            writer.Line("    other.WriteAfterSize(ref writer);");
            writer.Line("    break;");
        }

        // Unreachable once sized (SizeIfCaseOf refuses any other type), but a call through the interface is still right.
        writer.Line("default:");
        writer.Line("    value.WriteAfterSize(ref writer);");
        writer.Line("    break;");
        writer.Close();
        writer.Close();
    }

    private static string OtherTags(WireUnionModel model) =>
        model.Cases.Count == 0 ? "true" : string.Join(" && ", model.Cases.Select(c => "tag != " + Tag(c.Tag)));

    private static void WriteReadJson(SourceWriter writer, WireUnionModel model, string self)
    {
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public static {self} ReadJson(global::System.Text.Json.JsonElement element) => {RuntimeNames.WireJson}.GetKind(element) switch");
        writer.Line("{");
        foreach (var wireCase in model.Cases.Concat(model.Default is { } fallback ? new[] { fallback } : new WireCaseInfo[0]))
        {
            writer.Line($"    \"{wireCase.Name}\" => {RuntimeNames.WireCases}.ReadCase<{wireCase.FullyQualifiedName}>(element),");
        }

        writer.Line($"    var other => throw {RuntimeNames.WireCases}.UnknownKind(other, UnionName),");
        writer.Line("};");
    }

    private static string Tag(ulong tag) => tag.ToString(CultureInfo.InvariantCulture);
}
