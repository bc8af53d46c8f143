using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using ProtocolGen.Generator.Diagnostics;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Parsing;

/// <summary>
/// Reads what makes a <c>[FrameHeader]</c> record a union's framing, on top of the fields and layout plan the struct
/// parser made of it like any wire structure: its constant size, its <c>[FrameType]</c> and <c>[FrameLength]</c>.
/// </summary>
internal static class FrameHeaderParser
{
    private const int CountingWholeFrame = 1;

    /// <summary>The header's framing, or null with PG0045/PG0047 reported.</summary>
    public static FrameHeaderInfo? Read(INamedTypeSymbol type, IMethodSymbol? constructor, IReadOnlyList<FieldModel> fields, LayoutPlan plan, Location location, List<DiagnosticInfo> diagnostics)
    {
        var count = diagnostics.Count;
        if (!plan.IsConstantSize)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFrameHeader, location, type.Name,
                "is not constant-size, so a decoder cannot know where its body starts; a frame header holds integers, bit fields, fixed values and padding"));
            return null;
        }

        var parameters = constructor?.Parameters ?? ImmutableArrayOfNone;
        FrameHeaderField? typeField = null;
        FrameHeaderField? lengthField = null;
        AttributeData? lengthAttribute = null;
        for (var i = 0; i < parameters.Length && i < fields.Count; i++)
        {
            var parameter = parameters[i];
            var field = fields[i];
            var where = parameter.Locations.FirstOrDefault();
            var typeAttribute = Attribute(parameter, type, KnownNames.FrameTypeAttribute);
            var length = Attribute(parameter, type, KnownNames.FrameLengthAttribute);
            if (typeAttribute is not null && length is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFrameHeader, where, parameter.Name, "cannot be both the [FrameType] and the [FrameLength]"));
                continue;
            }

            if (typeAttribute is not null)
            {
                if (typeField is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFrameHeader, where, parameter.Name, $"is a second [FrameType] of '{type.Name}', after '{typeField.Name}'; a header has one"));
                    continue;
                }

                typeField = Framing(field, parameter, where, "[FrameType]", maxBytes: 4, diagnostics);
            }
            else if (length is not null)
            {
                if (lengthField is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFrameHeader, where, parameter.Name, $"is a second [FrameLength] of '{type.Name}', after '{lengthField.Name}'; a header has one"));
                    continue;
                }

                lengthField = Framing(field, parameter, where, "[FrameLength]", maxBytes: 8, diagnostics);
                lengthAttribute = length;
            }
            else if (field.Fixed is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FrameHeaderDataLost, where, parameter.Name, type.Name));
            }
        }

        if (diagnostics.Count > count)
        {
            return null;
        }

        if (lengthField is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFrameHeader, location, type.Name,
                "has no [FrameLength] member; a frame header must say how long its body is (headers without a length are not supported yet)"));
            return null;
        }

        var scale = Named(lengthAttribute!, "Scale", 1);
        if (scale < 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFrameHeader, parameters.First(p => p.Name == lengthField.Name).Locations.FirstOrDefault(), lengthField.Name,
                $"has Scale = {scale}; the unit of a frame length is at least 1 byte"));
            return null;
        }

        return new FrameHeaderInfo(
            plan.ConstantMinSize,
            typeField,
            lengthField,
            Named(lengthAttribute!, "Counting", 0) == CountingWholeFrame,
            scale,
            Named(lengthAttribute!, "Offset", 0),
            parameters.Select(p => p.Name).ToEquatableArray());
    }

    /// <summary>Reports <c>[FrameType]</c>/<c>[FrameLength]</c> on a member of a record that is not a <c>[FrameHeader]</c> (PG0045).</summary>
    public static void ReportMisplaced(INamedTypeSymbol type, IMethodSymbol? constructor, List<DiagnosticInfo> diagnostics)
    {
        foreach (var parameter in constructor?.Parameters ?? ImmutableArrayOfNone)
        {
            foreach (var name in new[] { KnownNames.FrameTypeAttribute, KnownNames.FrameLengthAttribute })
            {
                if (Attribute(parameter, type, name) is not null)
                {
                    var attribute = name == KnownNames.FrameTypeAttribute ? "[FrameType]" : "[FrameLength]";
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFrameHeader, parameter.Locations.FirstOrDefault(), parameter.Name,
                        $"carries {attribute}, which only a member of a [FrameHeader] record may; declare the frame's header as a [FrameHeader] record and the union [ProtocolUnion(typeof(ThatHeader))]"));
                }
            }
        }
    }

    private static readonly System.Collections.Immutable.ImmutableArray<IParameterSymbol> ImmutableArrayOfNone = System.Collections.Immutable.ImmutableArray<IParameterSymbol>.Empty;

    // The type or length member: an unsigned integer of at most maxBytes, or a bit field, holding no constant.
    private static FrameHeaderField? Framing(FieldModel field, IParameterSymbol parameter, Location? where, string attribute, int maxBytes, List<DiagnosticInfo> diagnostics)
    {
        var bytes = field.Kind == FieldKind.Primitive && field.Converter is null ? UnsignedBytes(field.Primitive) : 0;

        // A bit field is as wide as its bits, whatever its container (a 24-bit type in a ulong's 64 is a 3-byte type).
        if (bytes == 0 || (field.Bits is { } bits ? bits.Width > maxBytes * 8 : bytes > maxBytes))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFrameHeader, where, parameter.Name,
                $"is the {attribute} but is '{parameter.Type.ToDisplayString()}'; it must be an unsigned integer of 1 to {maxBytes} bytes (byte, ushort, uint{(maxBytes == 8 ? ", ulong" : string.Empty)}) or a bit field of one"));
            return null;
        }

        if (field.Fixed is not null || field.LengthOf is not null || field.Checksum is not null || field.Reserved)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFrameHeader, where, parameter.Name,
                $"is the {attribute}, which each frame sets, so it cannot also be fixed, reserved, a checksum or a [LengthOf]"));
            return null;
        }

        return new FrameHeaderField(parameter.Name, field.Primitive.Keyword(), field.Bits?.Width ?? bytes * 8);
    }

    private static int UnsignedBytes(PrimitiveType primitive) => primitive switch
    {
        PrimitiveType.Byte => 1,
        PrimitiveType.UInt16 => 2,
        PrimitiveType.UInt32 => 4,
        PrimitiveType.UInt64 => 8,
        _ => 0,
    };

    // The attribute on the parameter or on the property the record declares for it.
    private static AttributeData? Attribute(IParameterSymbol parameter, INamedTypeSymbol type, string metadataName) =>
        parameter.GetAttributes().Concat(type.GetMembers(parameter.Name).OfType<IPropertySymbol>().SelectMany(p => p.GetAttributes()))
            .FirstOrDefault(a => a.AttributeClass is { } c && c.MetadataName() == metadataName);

    private static int Named(AttributeData attribute, string name, int fallback) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value is int value ? value : fallback;
}
