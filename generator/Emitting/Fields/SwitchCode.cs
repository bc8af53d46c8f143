using System.Linq;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Emitting.Fields;

/// <summary>
/// The code of a <c>[Switch]</c> member: its case is read by the union's <c>WireCases</c> with the selector's value as
/// the tag (in a window when a <c>[LengthOf]</c> field gives its length, with the <c>[PseudoHeader]</c> seed when it has
/// one), sized and checked against the selector on encode, and read from JSON by its <c>kind</c>. A guarded switch
/// (<c>[DefaultCaseWhen]</c>) reads, and checks on encode, the union's default case when any guard holds; an unguarded
/// one calls the runtime exactly as before guards existed.
/// </summary>
internal static class SwitchCode
{
    /// <summary>Whether a switch reads <paramref name="field"/> (its selector, a pseudo-header field, or a guard's selector), so the reader keeps it in a local.</summary>
    /// <remarks>By the switches' field indices: the field at an index is the one read (the same instance, or an equal one), never another that shares its name.</remarks>
    public static bool NeedsLocal(StructModel model, FieldModel field)
    {
        bool Is(int index) => model.Fields[index].Equals(field);
        foreach (var each in model.Fields)
        {
            if (each.Switch is { } s && (Is(s.Selector) || s.PseudoHeader is { } p && (Is(p.Source) || Is(p.Destination) || Is(p.Protocol)) || s.Guards.Any(g => Is(g.Selector))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The union's dispatch class, as the runtime's helpers take it.</summary>
    public static string TypeArguments(FieldModel field) => $"{field.ElementTypeName}, {field.ElementTypeName}.WireCases";

    /// <summary>The selector's value as the 64-bit tag cases are compared by, from <paramref name="value"/> (a local, or a member).</summary>
    public static string Tag(FieldModel selector, string value) => selector.Primitive == PrimitiveType.Boolean
        ? $"({value} ? 1UL : 0UL)"
        : $"unchecked((ulong){value})";

    /// <summary>Reads the case in place, into <paramref name="local"/>; a guarded switch passes whether a guard holds.</summary>
    public static string ReadInPlace(StructModel model, FieldModel field, System.Func<FieldModel, string> valueOf, string local)
    {
        var tag = Tag(model.Fields[field.Switch!.Selector], valueOf(model.Fields[field.Switch.Selector]));
        return field.Switch.IsGuarded
            ? $"reader.TryReadCaseOrDefault<{TypeArguments(field)}>({tag}, {AnyGuardHolds(model, field.Switch, valueOf)}, out var {local})"
            : $"reader.TryReadCase<{TypeArguments(field)}>({tag}, out var {local})";
    }

    /// <summary>Reads the case from a window of <paramref name="length"/> bytes, into <paramref name="local"/>; a guarded switch passes whether a guard holds.</summary>
    public static string ReadInWindow(StructModel model, FieldModel field, System.Func<FieldModel, string> valueOf, string length, string lengthAt, string local)
    {
        var tag = Tag(model.Fields[field.Switch!.Selector], valueOf(model.Fields[field.Switch.Selector]));
        var seed = field.Switch.PseudoHeader is { } pseudo
            ? ", " + PseudoHeader(model, pseudo, valueOf, length)
            : string.Empty;
        return field.Switch.IsGuarded
            ? $"reader.TryReadCaseOrDefaultInWindow<{TypeArguments(field)}>({tag}, {AnyGuardHolds(model, field.Switch, valueOf)}, {length}, {lengthAt}{seed}, out var {local})"
            : $"reader.TryReadCaseInWindow<{TypeArguments(field)}>({tag}, {length}, {lengthAt}{seed}, out var {local})";
    }

    /// <summary>
    /// The case's checked size for <c>WireSize</c>: a null, or a case the selector does not pick, throws naming both; the
    /// selector's value also goes as its own type, for the message only. A guarded switch checks, while a guard holds
    /// (the first that does, in declaration order), that the case is the default record, naming that guard's selector
    /// and value when it is not; when none holds, it checks as an unguarded one.
    /// </summary>
    public static string CheckedSize(StructModel model, FieldModel field)
    {
        var selector = model.Fields[field.Switch!.Selector];
        var unguarded = $"{RuntimeNames.WireCases}.Size<{TypeArguments(field)}, {selector.TypeName}>(this.{field.Name}, {Tag(selector, "this." + selector.Name)}, this.{selector.Name}, {FieldCode.Quoted(field)}, {FieldCode.Quoted(selector)})";
        if (!field.Switch.IsGuarded)
        {
            return unguarded;
        }

        var checks = field.Switch.Guards.Select(g =>
        {
            var guardSelector = model.Fields[g.Selector];
            return $"{GuardHolds(model, g, Member)} ? {RuntimeNames.WireCases}.SizeOfDefault<{TypeArguments(field)}, {guardSelector.TypeName}>(this.{field.Name}, {FieldCode.Quoted(field)}, {FieldCode.Quoted(guardSelector)}, this.{guardSelector.Name}) : ";
        });
        return "(" + string.Concat(checks) + unguarded + ")";
    }

    /// <summary>Whether any of a guarded switch's <c>[DefaultCaseWhen]</c> guards holds, over their selectors' values (locals, or members): one expression, read and size alike.</summary>
    public static string AnyGuardHolds(StructModel model, SwitchInfo info, System.Func<FieldModel, string> valueOf) =>
        string.Join(" || ", info.Guards.Select(g => GuardHolds(model, g, valueOf)));

    // One guard, parenthesized when it tests several values, so that guards join with || as they are.
    private static string GuardHolds(StructModel model, ConditionInfo guard, System.Func<FieldModel, string> valueOf) =>
        guard.Values.Count > 1 ? $"({ConditionCode.Holds(model, guard, valueOf)})" : ConditionCode.Holds(model, guard, valueOf);

    private static string Member(FieldModel field) => "this." + field.Name;

    /// <summary>
    /// Writes a structure that writes itself (sized already); a case by a direct call to its record: with its pseudo-header seed when it has one,
    /// less the length, which the case adds once written (so it is not sized again here).
    /// </summary>
    public static string Write(StructModel model, FieldModel field)
    {
        if (field.Switch is null)
        {
            return $"writer.WriteStructAfterSize(this.{field.Name});";
        }

        var pseudo = field.Switch?.PseudoHeader is { } p
            ? $", this.{model.Fields[p.Source].Name}, this.{model.Fields[p.Destination].Name}, (byte)this.{model.Fields[p.Protocol].Name}"
            : string.Empty;
        return $"{RuntimeNames.WireCases}.WriteAfterSize<{TypeArguments(field)}>(ref writer, this.{field.Name}{pseudo});";
    }

    /// <summary>Reads the case from the record's JSON form.</summary>
    public static string JsonRead(FieldModel field) =>
        $"{RuntimeNames.WireCases}.GetJson<{TypeArguments(field)}>(element, {FieldCode.Quoted(field)})";

    /// <summary>How layouts describe the member: the union, what picks its case, and when the default case is read instead (<c>; the default case when more_fragments = true or unless fragment_offset = 0</c>).</summary>
    public static string Describe(StructModel model, FieldModel field) =>
        $"{Parsing.NameConventions.ShortName(field.ElementTypeName!)} by {model.Fields[field.Switch!.Selector].WireName}"
        + (field.Switch.IsGuarded ? "; the default case " + string.Join(" or ", field.Switch.Guards.Select(g => g.Display)) : string.Empty);

    private static string PseudoHeader(StructModel model, PseudoHeaderFields pseudo, System.Func<FieldModel, string> valueOf, string length) =>
        $"{RuntimeNames.WireCases}.PseudoHeader({valueOf(model.Fields[pseudo.Source])}, {valueOf(model.Fields[pseudo.Destination])}, (byte){valueOf(model.Fields[pseudo.Protocol])}, {length})";
}
