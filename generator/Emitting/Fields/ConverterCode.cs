using System.Globalization;
using ProtocolGen.Generator.Model;
using ProtocolGen.Layout;

namespace ProtocolGen.Generator.Emitting.Fields;

/// <summary>
/// The code of converted members (<c>[WireConverter]</c>): the wire form (an integer, boolean, enum, or a constant
/// number of bytes) read and written at a constant offset in the run, the value through the converter.
/// </summary>
internal static class ConverterCode
{
    private const string Kind = RuntimeNames.ProtocolErrorKind + ".";

    /// <summary>
    /// Reads a converted member from <paramref name="span"/> at <paramref name="offset"/> into <paramref name="local"/>;
    /// a wire value the converter refuses is <c>InvalidValue</c> at <paramref name="at"/>.
    /// </summary>
    public static void WriteRead(SourceWriter writer, FieldModel field, string span, int offset, string local, LocalNames names, string at, System.Func<string, string, string> refuse)
    {
        var converter = field.Converter!;
        string read;
        if (converter.IsBytes)
        {
            read = $"{converter.TypeName}.TryRead({span}.Slice({Int(offset)}, {Int(field.Length)}), out var {local})";
        }
        else
        {
            var wire = WireField(field);
            var raw = names.Temporary(local + "Wire");
            writer.Line($"var {raw} = {FieldCode.ReadHead(wire, span, offset)};");
            ConstantCode.WriteReadCheck(writer, wire, raw, at, refuse);
            read = $"{converter.TypeName}.TryFromWire({raw}, out var {local})";
        }

        writer.Open($"if (!{read})");
        writer.Line(refuse($"{Kind}InvalidValue", at));
        writer.Close();
        writer.Line();
    }

    /// <summary>Writes a converted member's wire form, its value <paramref name="value"/>, at <paramref name="offset"/> in <paramref name="run"/>.</summary>
    public static string WriteHead(FieldModel field, string run, int offset, string value) => field.Converter!.IsBytes
        ? $"{field.Converter.TypeName}.Write({value}, {run}.Slice({Int(offset)}, {Int(field.Length)}));"
        : FieldCode.WriteHead(WireField(field), run, offset, $"{field.Converter.TypeName}.ToWire({value})");

    /// <summary>
    /// The <c>WireSize</c> check of a converted member: an integer converter's <c>ToWire</c> runs first, so one that
    /// throws does so before any byte is written (and a closed enum's value must be named); null for a bytes converter.
    /// </summary>
    public static string? SizeCheck(FieldModel field)
    {
        var converter = field.Converter!;
        if (converter.IsBytes)
        {
            return null;
        }

        var toWire = $"{converter.TypeName}.ToWire(this.{field.Name})";
        return field.Kind == FieldKind.Enum && field.Enum?.Closed is not null
            ? $"if (!{ConstantCode.EnumTable(field.Enum)}.IsNamed({toWire})) throw {RuntimeNames.WireConstants}.UnnamedValue({FieldCode.Quoted(field)}, {toWire}, \"{field.Enum.Name}\");"
            : $"_ = {toWire};";
    }

    /// <summary>The view's accessor: the value through the converter (the view's check accepted it).</summary>
    public static void WriteViewAccessor(SourceWriter writer, FieldModel field, string summary, string at)
    {
        var converter = field.Converter!;
        writer.Line(summary + ", through its converter.</summary>");
        writer.Line(converter.IsBytes
            ? $"public {field.TypeName} {field.Name} => {RuntimeNames.WireConverters}.Read<{converter.TypeName}, {field.TypeName}>(_bytes.Slice({at}, {Int(field.Length)}));"
            : $"public {field.TypeName} {field.Name} => {RuntimeNames.WireConverters}.FromWire<{converter.TypeName}, {field.TypeName}, {converter.WireTypeName}>({ViewEmitter.ReadPrimitive(WireField(field), at)});");
    }

    /// <summary>The view's <c>Check</c> of a converted member at <paramref name="at"/> in <c>bytes</c>: the converter must take its wire form.</summary>
    public static void WriteViewCheck(SourceWriter writer, FieldModel field, string at)
    {
        var converter = field.Converter;
        if (converter is null)
        {
            return;
        }

        string check;
        if (converter.IsBytes)
        {
            check = $"{RuntimeNames.WireConverters}.IsValue<{converter.TypeName}, {field.TypeName}>(bytes.Slice({at}, {Int(field.Length)}))";
        }
        else
        {
            var wire = WireField(field);
            if (field.Primitive == PrimitiveType.Boolean)
            {
                writer.Open($"if (bytes[{at}] > 1)");
                writer.Line("return -1;");
                writer.Close();
                writer.Line();
            }

            check = $"{RuntimeNames.WireConverters}.IsValue<{converter.TypeName}, {field.TypeName}, {converter.WireTypeName}>({ViewEmitter.ReadPrimitive(wire, at, "bytes")})";
        }

        writer.Open($"if (!{check})");
        writer.Line("return -1;");
        writer.Close();
        writer.Line();
    }

    /// <summary>The JSON writer of a converted member: the converter's own form, else the wire value.</summary>
    public static string JsonWrite(FieldPlan place, string name)
    {
        var field = place.Field;
        var converter = field.Converter!;
        var member = "this." + field.Name;
        if (converter.HasJson)
        {
            return $"{RuntimeNames.WireConverters}.WriteJson<{converter.TypeName}, {field.TypeName}>(writer, {name}, {member});";
        }

        if (converter.IsBytes)
        {
            return $"{RuntimeNames.WireJson}.WriteHex(writer, {name}, {RuntimeNames.WireConverters}.ToBytes<{converter.TypeName}, {field.TypeName}>({member}));";
        }

        var wire = $"{converter.TypeName}.ToWire({member})";
        return field.Kind == FieldKind.Enum
            ? $"{EnumHelper(field)}.Write(writer, {name}, {wire});"
            : field.Primitive == PrimitiveType.Boolean ? $"writer.WriteBoolean({name}, {wire});" : $"writer.WriteNumber({name}, {wire});";
    }

    /// <summary>The JSON reader of a converted member: the converter's own form, else the wire value through the converter.</summary>
    public static string JsonRead(FieldPlan place, string name)
    {
        var field = place.Field;
        var converter = field.Converter!;
        if (converter.HasJson)
        {
            return $"{RuntimeNames.WireConverters}.ReadJson<{converter.TypeName}, {field.TypeName}>(element, {name})";
        }

        if (converter.IsBytes)
        {
            return $"{RuntimeNames.WireConverters}.FromJsonBytes<{converter.TypeName}, {field.TypeName}>(element, {name})";
        }

        var wire = field.Kind == FieldKind.Enum
            ? $"{EnumHelper(field)}.Read(element, {name})"
            : $"{RuntimeNames.WireJson}.Get{field.Primitive}(element, {name})";
        return $"{RuntimeNames.WireConverters}.FromJsonWire<{converter.TypeName}, {field.TypeName}, {converter.WireTypeName}>({wire}, {name})";
    }

    /// <summary>A converted member's layout row: its wire type and its converter (<c>6 bytes via MacAddressBytes</c>).</summary>
    public static FieldLayout LayoutRow(FieldPlan place)
    {
        var field = place.Field;
        var converter = field.Converter!;
        var wire = converter.IsBytes
            ? Int(field.Length) + " bytes"
            : FieldCode.WireTypeName(field.Primitive) + (field.BigEndian && LayoutPlan.PrimitiveSize(field.Primitive) > 1 ? "be" : string.Empty) + (field.Enum is not null ? " " + Parsing.NameConventions.ShortName(converter.WireTypeName!) : string.Empty);
        return new FieldLayout(place.Offset, place.HeadSize, field.WireName, wire + " via " + Parsing.NameConventions.ShortName(converter.TypeName));
    }

    // The member as its wire form alone: the wire type, no converter (for the shared integer and enum code).
    private static FieldModel WireField(FieldModel field) => field with { TypeName = field.Converter!.WireTypeName ?? field.TypeName, Converter = null };

    private static string EnumHelper(FieldModel field) =>
        "global::" + (field.Enum!.Namespace is { } ns ? ns + "." : string.Empty) + field.Enum.HelperName;


    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
