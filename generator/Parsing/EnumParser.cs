using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using ProtocolGen.Generator.Model;
using ProtocolGen.Generator.Parsing.Fields;

namespace ProtocolGen.Generator.Parsing;

/// <summary>Reads an enum's named values for its JSON name table.</summary>
internal static class EnumParser
{
    public static EnumModel Parse(INamedTypeSymbol type, PrimitiveType underlying)
    {
        var members = type.GetMembers()
            .OfType<IFieldSymbol>()
            .Where(f => f.HasConstantValue)
            .Select(f => new EnumMemberModel(f.Name, System.Convert.ToString(f.ConstantValue, CultureInfo.InvariantCulture)!))
            .ToEquatableArray();

        // Named after the enum and the types it is nested in, so that two nested enums of one name get two tables.
        var tableName = string.Concat(type.ContainingTypes().Select(outer => outer.Name)) + type.Name + "WireNames";
        return new EnumModel(type.NamespaceName(), tableName, type.Name, type.ToFullyQualified(), underlying, members, ClosedEnumParser.Describe(type, members));
    }
}
