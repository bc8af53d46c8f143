using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Emitting.Fields;

/// <summary>
/// A closed enum's JSON, in its name table: a value the enum does not name is refused on the way out (as encoding
/// refuses it) and on the way in (a number, unless it is a combination of a <c>[Flags]</c> enum's named bits).
/// Each method writes nothing and returns false for an open enum, whose table stays as it was.
/// </summary>
internal static class ClosedEnumJson
{
    /// <summary>The table's summary for a closed enum; null for an open one.</summary>
    public static string? Summary(EnumModel model) => model.Closed is { } closed
        ? $"/// <summary>The JSON names of <see cref=\"{model.FullyQualifiedName}\"/>, a closed enum: {(closed.IsFlags ? "a name, or a combination of named bits as its number" : "names only")}; any other value is refused.</summary>"
        : null;

    /// <summary>The summary of <c>Write</c> for a closed enum; null for an open one.</summary>
    public static string? WriteSummary(EnumModel model) => model.Closed is null
        ? null
        : "/// <summary>Writes <paramref name=\"value\"/> as a property; a value the closed enum does not name throws, as encoding it does.</summary>";

    /// <summary>The summary of <c>WriteValue</c> for a closed enum; null for an open one.</summary>
    public static string? WriteValueSummary(EnumModel model) => model.Closed is null
        ? null
        : "/// <summary>Writes <paramref name=\"value\"/> as a JSON value (an array element); a value the closed enum does not name throws.</summary>";

    /// <summary>The first statement of <c>Write</c>: the property's value must be named.</summary>
    public static void WriteNamedCheck(SourceWriter writer, EnumModel model)
    {
        if (model.Closed is null)
        {
            return;
        }

        writer.Open("if (!IsNamed(value))");
        writer.Line($"throw {RuntimeNames.WireConstants}.UnnamedValue(property, value, \"{model.Name}\");");
        writer.Close();
        writer.Line();
    }

    /// <summary><c>WriteValue</c> for a value <c>GetName</c> did not name: a flags combination as its number, anything else refused.</summary>
    public static bool WriteUnnamed(SourceWriter writer, EnumModel model, string underlying)
    {
        if (model.Closed is not { } closed)
        {
            return false;
        }

        if (closed.IsFlags)
        {
            writer.Open("else if (IsNamed(value))");
            writer.Line($"writer.WriteNumberValue(({underlying})value);");
            writer.Close();
        }

        // A closed enum has no unnamed value on the wire, so its JSON has none either.
        writer.Open("else");
        writer.Line($"throw {RuntimeNames.WireConstants}.UnnamedValue(string.Empty, value, \"{model.Name}\");");
        writer.Close();
        return true;
    }

    /// <summary><c>ReadValue</c> for a number: refused, or for a flags enum taken when every bit is named.</summary>
    public static bool ReadNumber(SourceWriter writer, EnumModel model)
    {
        if (model.Closed is not { } closed)
        {
            return false;
        }

        if (!closed.IsFlags)
        {
            writer.Line($"throw {RuntimeNames.WireConstants}.NumberForClosedEnum(property, \"{model.Name}\");");
            return true;
        }

        // A closed flags enum: a number is a combination of bits, which must all be named.
        writer.Line($"var bits = ({model.FullyQualifiedName}){RuntimeNames.WireJson}.To{model.Underlying}(value, property);");
        writer.Line($"return IsNamed(bits) ? bits : throw {RuntimeNames.WireConstants}.UnnamedFlags(property, \"{model.Name}\");");
        return true;
    }
}
