using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using ProtocolGen.Generator.Diagnostics;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Parsing;

/// <summary>
/// The names the generator gives the members it adds to a packet or wire structure, so a user member with one of
/// them is reported at that member (PG0049) instead of as the compiler's duplicate-definition error in generated code;
/// so is a member of a packet or a case whose JSON name is <c>kind</c>, which their JSON object already has.
/// </summary>
internal static class GeneratedMemberNames
{
    // What StructEmitter, ReadEmitter, WriteEmitter, JsonEmitter, ViewEmitter and LayoutDiagram add to every record
    // (nested types included): keep in step with them.
    private static readonly HashSet<string> Always =
    [
        "MinWireSize", "IsFixedSize", "WireSize", "TryReadFrom", "ReadFrom", "WriteTo", "WriteAfterSize",
        "WriteJson", "View", "ViewArray",
    ];

    private static readonly HashSet<string> Packets = ["PacketType", "WireLayout"];

    // The reader that returns the value (ReadEmitter.ReturnsValue): on every packet, and on every other class but a
    // plain one, which reads through ReadFixed.
    private const string ReadOrNull = "ReadOrNull";

    // The members of the record's View (ViewEmitter), beside each field's accessor: a positional parameter of one of
    // these names would be an accessor named like them.
    private static readonly HashSet<string> ViewMembers = ["WireBytes", "WireLength", "PlainSize", "TryCreate", "Create", "ToRecord", "Check"];

    // A plain record (LayoutPlan.IsPlain) also reads and writes itself from exactly its bytes.
    private static readonly HashSet<string> Plain = ["ReadFixed", "WriteFixed"];

    /// <summary>
    /// Reports the member whose JSON name is <c>kind</c> in a packet or a wire union's case: their JSON object starts
    /// with their kind under that name (<c>WireJson.KindProperty</c>), so the member's would be a second one.
    /// </summary>
    public static void ReportJsonKind(IMethodSymbol? constructor, IEnumerable<FieldModel> fields, string typeName, List<DiagnosticInfo> diagnostics)
    {
        if (fields.FirstOrDefault(static f => f.WireName == KindProperty) is { } taken)
        {
            var location = constructor?.Parameters.FirstOrDefault(p => p.Name == taken.Name)?.Locations.FirstOrDefault();
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratedMemberName, location, taken.Name, typeName));
        }
    }

    // WireJson.KindProperty, the runtime's name for a packet's or a case's kind in JSON.
    private const string KindProperty = "kind";

    /// <summary>Reports each member of <paramref name="type"/> (positional ones at their parameter) that a generated member would clash with.</summary>
    public static void Report(INamedTypeSymbol type, IMethodSymbol? constructor, bool isPacket, bool hasMagic, bool isPlain, List<DiagnosticInfo> diagnostics)
    {
        var reported = new HashSet<string>();
        var parameters = constructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
        // A text member's view accessors are NameUtf8 and GetName(), a conditional member's TryGetName (ConditionViewCode);
        // another parameter may not be any of them.
        var viewAccessors = new HashSet<string>(parameters.Where(static p => p.Type.SpecialType == SpecialType.System_String).SelectMany(static p => new[] { p.Name + "Utf8", "Get" + p.Name }));
        viewAccessors.UnionWith(parameters.Where(p => Fields.LengthsParser.AttributesOf(p, type).Any(static a => a.AttributeClass?.MetadataName() == KnownNames.PresentWhenAttribute)).Select(static p => "TryGet" + p.Name));
        foreach (var parameter in parameters)
        {
            Check(parameter.Name, parameter.Locations.FirstOrDefault(), isParameter: true);
        }

        foreach (var member in type.GetMembers().Where(m => !m.IsImplicitlyDeclared).Concat(type.GetTypeMembers()))
        {
            Check(member.Name, member.Locations.FirstOrDefault(), isParameter: false);
        }

        void Check(string name, Location? location, bool isParameter)
        {
            var taken = (isParameter && (ViewMembers.Contains(name) || viewAccessors.Contains(name))) || Always.Contains(name) || (isPacket && Packets.Contains(name)) || (isPlain && Plain.Contains(name)) || (hasMagic && name == "WireMagic")
                || (name == ReadOrNull && (isPacket || (!type.IsValueType && !isPlain)));
            if (taken && reported.Add(name))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratedMemberName, location, name, type.Name));
            }
        }
    }
}
