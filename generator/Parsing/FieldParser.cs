using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using ProtocolGen.Generator.Diagnostics;
using ProtocolGen.Generator.Model;
using ProtocolGen.Generator.Parsing.Fields;

namespace ProtocolGen.Generator.Parsing;

/// <summary>Turns one positional parameter (and the attributes on it or its property) into a <see cref="FieldModel"/>.</summary>
internal static class FieldParser
{
    private const int MaxNestingDepth = 16;

    private sealed class LayoutAttributes
    {
        public int? FixedLength;
        public int? LengthPrefix;
        public int? CountPrefix;
        public bool RestOfFrame;
        public bool BigEndian;
        public bool NullTerminated;
        public string? WireName;
        public TypedConstant? Fixed;
        public AttributeData? Bits;
        public bool Reserved;
        public AttributeData? Checksum;
        public int? FixedCount;
        public CountsParser.Pad? PadBefore;
        public CountsParser.Pad? PadAfter;
        public TypedConstant? Converter;
        public bool Switch;
        public AttributeData? PresentWhen;
        public readonly List<string> Names = new();
    }

    /// <param name="parameter">The positional parameter.</param>
    /// <param name="property">The property the record declares for it, whose attributes also count.</param>
    /// <param name="recordIsBigEndian">Whether the record is marked <c>[BigEndian]</c>.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="lengthOf">The rule this field holds the length or count of (<c>[LengthOf]</c>, <c>[CountOf]</c>), from <see cref="LengthsParser"/>.</param>
    /// <param name="lengthFrom">The rule that gives this member its length or count.</param>
    public static FieldModel? Parse(IParameterSymbol parameter, IPropertySymbol? property, bool recordIsBigEndian, List<DiagnosticInfo> diagnostics, LengthRule? lengthOf = null, LengthRule? lengthFrom = null) =>
        Parse(parameter, property, recordIsBigEndian, diagnostics, depth: 0, lengthOf, lengthFrom);

    private static FieldModel? Parse(IParameterSymbol parameter, IPropertySymbol? property, bool recordIsBigEndian, List<DiagnosticInfo> diagnostics, int depth, LengthRule? lengthOf, LengthRule? lengthFrom)
    {
        if (ParseShape(parameter, property, recordIsBigEndian, diagnostics, depth, lengthFrom) is not { } field)
        {
            return null;
        }

        if (lengthOf is null && lengthFrom is null)
        {
            return field.Condition is null || ConditionParser.CheckShape(field, parameter.Locations.FirstOrDefault(), diagnostics) ? field : null;
        }

        if (field.Condition is not null)
        {
            return ConditionParser.CheckShape(field with { LengthOf = lengthOf, LengthFrom = lengthFrom }, parameter.Locations.FirstOrDefault(), diagnostics) ? field : null;
        }

        // Not yet combined with a length rule: a converted source, a checksum holding a length, a fixed-count member
        // with a count from elsewhere. (A bit field may hold one: its value is its bits, like any unsigned field's.)
        var other = field.Checksum is not null ? "[Checksum]" : field.Converter is not null ? "[WireConverter]" : field.FixedCount > 0 ? "[FixedCount]" : null;
        if (other is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAttributes, parameter.Locations.FirstOrDefault(), parameter.Name,
                (lengthOf is not null ? "[LengthOf]/[CountOf]" : "a length from another field") + " and " + other,
                "a length or count comes from an unsigned field (whole bytes or bits) to a member without a length of its own; keep one"));
            return null;
        }

        return field with { LengthOf = lengthOf, LengthFrom = lengthFrom };
    }

    private static FieldModel? ParseShape(IParameterSymbol parameter, IPropertySymbol? property, bool recordIsBigEndian, List<DiagnosticInfo> diagnostics, int depth, LengthRule? lengthFrom)
    {
        var location = parameter.Locations.FirstOrDefault();
        var type = parameter.Type;
        var name = parameter.Name;
        if (type.TypeKind == TypeKind.Error)
        {
            // The compiler already reports the unknown type; a second error here would only be noise.
            return null;
        }

        var layout = ReadAttributes(parameter, property);

        // A conditional member is laid out as the value it holds when present.
        if (layout.PresentWhen is not null && !ConditionParser.TryUnwrap(type, name, location, diagnostics, out type))
        {
            return null;
        }

        var wireName = layout.WireName ?? NameConventions.ToSnakeCase(parameter.Name);
        var bigEndian = recordIsBigEndian || layout.BigEndian;

        FieldModel? Field(FieldKind kind, PrimitiveType primitive = PrimitiveType.Byte, int length = 0, int prefix = 0, SequenceShape shape = SequenceShape.None, ITypeSymbol? element = null, EnumModel? enumModel = null, FixedValue? fixedValue = null, bool terminated = false, BitField? bits = null, ChecksumInfo? checksum = null, int fixedCount = 0, ConverterInfo? converter = null)
        {
            // Byte payloads, text and nested structures hold no integers of this field's own to reorder.
            var hasIntegers = kind is not (FieldKind.FixedBytes or FieldKind.FixedString or FieldKind.TerminatedString or FieldKind.RestBytes or FieldKind.RestString or FieldKind.Struct);
            if (layout.BigEndian && !hasIntegers)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAttributes, location, name, "[BigEndian]",
                    "remove it: the member holds no integers of its own (bytes and text have no byte order, addresses are network order, and a nested structure declares its own)"));
                return null;
            }

            if (prefix is not (0 or 1 or 2 or 4))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidPrefixWidth, location, name, prefix.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                return null;
            }

            var (elementSize, elementFixed, elementPlain) = element is null ? (null, false, false) : SizeOf(element, depth);
            var elementHasJson = kind is not (FieldKind.Struct or FieldKind.StructArray) || element!.HasWireJson();
            if (!elementHasJson)
            {
                // A hand-written codec need not have a JSON form: the record keeps its JSON, this member as its wire bytes.
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StructWithoutJson, location, name, element!.ToDisplayString()));
            }

            var model = new FieldModel(name, wireName, kind, type.ToFullyQualified(), primitive, length, prefix, shape, element?.ToFullyQualified(), elementSize, elementFixed, bigEndian && hasIntegers, enumModel, elementPlain, elementHasJson, fixedValue, terminated, bits, layout.Reserved, checksum, fixedCount, Converter: converter,
                Condition: layout.PresentWhen is null ? null : ConditionParser.Unresolved);
            return CountsParser.WithPadding(model, layout.PadBefore, layout.PadAfter, location, diagnostics);
        }

        FieldModel? Misplaced()
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAttributes, location, name, string.Join(" and ", layout.Names), "keep only the layout attribute its type takes"));
            return null;
        }

        if (!CountsParser.Check(layout.FixedCount, layout.PadBefore, layout.PadAfter, layout.Names.Count > 1, TryGetByteShape(type, out _) || TryGetElement(type, out _, out _), name, location, diagnostics))
        {
            return null;
        }

        if (layout.Names.Count > 1)
        {
            return Misplaced();
        }

        if (layout.Switch && !WireUnionParser.IsUnion(type))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SwitchWithoutUnion, location, name,
                $"is declared [Switch], but its type '{type.ToDisplayString()}' is not an interface marked [WireUnion]; declare the cases' interface [WireUnion] and give the member that type"));
            return null;
        }

        // A converted member's wire form is the converter's: it is checked before any rule of the member's own type.
        if (layout.Converter is { } converterType)
        {
            if (layout.Names.Count > 0 || layout.Fixed is not null || layout.NullTerminated || layout.Bits is not null || layout.Checksum is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAttributes, location, name, "[WireConverter] with a layout attribute",
                    "the converter gives the member its wire form (an integer, boolean, enum or a constant number of bytes); remove the other"));
                return null;
            }

            return ConvertersParser.Read(converterType, type, name, location, diagnostics, t => TryGetPrimitive(t, out var p) ? p : null) is { } wire
                ? Field(wire.Kind, wire.Primitive, length: wire.Length, enumModel: wire.WireType is INamedTypeSymbol { TypeKind: TypeKind.Enum } wireEnum ? EnumParser.Parse(wireEnum, wire.Primitive) : null, converter: wire.Info)
                : null;
        }

        if ((layout.Bits is not null || layout.Reserved) && !BitsParser.CheckPlacement(layout.Bits, layout.Reserved, layout.Fixed is not null, layout.Names, layout.NullTerminated, TryGetPrimitive(type, out _), type, name, location, diagnostics))
        {
            return null;
        }

        if (layout.Bits is not null && (layout.PadBefore is not null || layout.PadAfter is not null))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAttributes, location, name, "[Bits] with [PadBefore]/[PadAfter]",
                "padding is whole bytes around a field, and a bit field shares its container's bytes; pad a whole-byte field, or declare the unused bits as a [Reserved] bit field"));
            return null;
        }

        if (layout.NullTerminated && (type.SpecialType != SpecialType.System_String || layout.LengthPrefix is not null || layout.RestOfFrame))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAttributes, location, name, "[NullTerminated]",
                type.SpecialType == SpecialType.System_String
                    ? "a 0x00 ends the text, so it takes no other length rule but [FixedLength(n)] (a C char[n]); keep one"
                    : "it is for text (a string); remove it"));
            return null;
        }

        ChecksumInfo? checksum = null;
        if (layout.Checksum is { } checksumAttribute)
        {
            // Padding on the checksum field itself is not placed right yet after a variable-length member (its
            // offset is taken where the padding starts), so it is refused rather than written at the wrong offset.
            var padded = layout.PadBefore is not null || layout.PadAfter is not null;
            if (layout.Fixed is not null || layout.Names.Count > 0 || layout.NullTerminated || layout.Bits is not null || padded)
            {
                var others = layout.Names.Concat(layout.Fixed is not null ? new[] { "[Fixed]" } : new string[0]).Concat(layout.NullTerminated ? new[] { "[NullTerminated]" } : new string[0])
                    .Concat(layout.Bits is not null ? new[] { "[Bits]" } : new string[0]).Concat(padded ? new[] { "[PadBefore]/[PadAfter]" } : new string[0]);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAttributes, location, name, "[Checksum] and " + string.Join(" and ", others),
                    "a checksum is derived from the record's bytes, so it takes no other value or length rule; keep one"));
                return null;
            }

            if ((checksum = ChecksumParser.Parse(checksumAttribute, type, name, location, diagnostics)) is null)
            {
                return null;
            }
        }

        if (layout.Fixed is not null && !TryGetPrimitive(type, out _))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAttributes, location, name, "[Fixed]", "a constant is an integer, a boolean or an enum; remove it"));
            return null;
        }

        if (TryGetPrimitive(type, out var primitive))
        {
            if (layout.Names.Count > 0)
            {
                return Misplaced();
            }

            var enumModel = type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType ? EnumParser.Parse(enumType, primitive) : null;
            FixedValue? fixedValue = null;
            if (layout.Fixed is { } constant && (fixedValue = FixedParser.Parse(constant, type, primitive, enumModel, name, location, diagnostics)) is null)
            {
                return null;
            }

            BitField? bits = null;
            if (layout.Bits is { } bitsAttribute && (bits = BitsParser.Parse(bitsAttribute, type, primitive, enumModel, fixedValue, layout.BigEndian, name, location, diagnostics)) is null)
            {
                return null;
            }

            return enumModel is not null
                ? Field(FieldKind.Enum, primitive, enumModel: enumModel, fixedValue: fixedValue, bits: bits)
                : Field(FieldKind.Primitive, primitive, fixedValue: fixedValue, bits: bits, checksum: checksum);
        }

        if (TryGetByteShape(type, out var byteShape))
        {
            if (lengthFrom is not null)
            {
                // An earlier field holds the length ([LengthOf], or [CountOf] of bytes): a payload with no prefix of its own.
                return Field(FieldKind.PrefixedBytes, shape: byteShape);
            }

            if (layout.FixedLength is { } length)
            {
                if (length <= 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFixedLength, location, name, length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    return null;
                }

                return Field(FieldKind.FixedBytes, length: length, shape: byteShape);
            }

            if (layout.FixedCount is { } byteCount)
            {
                // A count of bytes is their length: the same wire form as [FixedLength(n)].
                return Field(FieldKind.FixedBytes, length: byteCount, shape: byteShape);
            }

            if (layout.LengthPrefix is { } width)
            {
                return Field(FieldKind.PrefixedBytes, prefix: width, shape: byteShape);
            }

            if (layout.RestOfFrame)
            {
                return Field(FieldKind.RestBytes, shape: byteShape);
            }

            if (layout.CountPrefix is { } count)
            {
                // A count of bytes is their length: the same wire form as [LengthPrefix].
                return Field(FieldKind.PrefixedBytes, prefix: count, shape: byteShape);
            }

            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingLengthRule, location, name, "[FixedLength(n)], [LengthPrefix(width)] or [RestOfFrame]"));
            return null;
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            if (lengthFrom is not null)
            {
                return Field(FieldKind.PrefixedString);
            }

            if (layout.FixedLength is { } fixedLength)
            {
                if (fixedLength <= 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFixedLength, location, name, fixedLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    return null;
                }

                return Field(FieldKind.FixedString, length: fixedLength, terminated: layout.NullTerminated);
            }

            if (layout.NullTerminated)
            {
                return Field(FieldKind.TerminatedString);
            }

            if (layout.LengthPrefix is { } width)
            {
                return Field(FieldKind.PrefixedString, prefix: width);
            }

            if (layout.RestOfFrame)
            {
                return Field(FieldKind.RestString);
            }

            if (layout.Names.Count > 0)
            {
                return Misplaced();
            }

            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingLengthRule, location, name, "[FixedLength(n)], [LengthPrefix(width)], [NullTerminated] or [RestOfFrame]"));
            return null;
        }

        if (TryGetElement(type, out var element, out var arrayShape))
        {
            if (TryGetPrimitive(element, out var elementPrimitive))
            {
                if (layout.CountPrefix is not null || lengthFrom is not null)
                {
                    // A count or length an earlier field holds leaves the array no prefix of its own.
                    var elementEnum = element is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumElement ? EnumParser.Parse(enumElement, elementPrimitive) : null;
                    return Field(FieldKind.PrimitiveArray, elementPrimitive, prefix: layout.CountPrefix ?? 0, shape: arrayShape, element: element, enumModel: elementEnum);
                }

                if (layout.FixedCount is { } fixedCount)
                {
                    var elementEnum = element is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumElement ? EnumParser.Parse(enumElement, elementPrimitive) : null;
                    return Field(FieldKind.PrimitiveArray, elementPrimitive, shape: arrayShape, element: element, enumModel: elementEnum, fixedCount: fixedCount);
                }

                if (layout.Names.Count > 0)
                {
                    return Misplaced();
                }

                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingLengthRule, location, name, "[CountPrefix(width)] or [FixedCount(n)]"));
                return null;
            }

            if (!element.IsWireStruct())
            {
                return ReportNotWireStruct(element);
            }

            if (layout.CountPrefix is { } width)
            {
                return Field(FieldKind.StructArray, prefix: width, shape: arrayShape, element: element);
            }

            if (layout.FixedCount is { } structCount)
            {
                return Field(FieldKind.StructArray, shape: arrayShape, element: element, fixedCount: structCount);
            }

            if (lengthFrom is not null)
            {
                return Field(FieldKind.StructArray, shape: arrayShape, element: element);
            }

            if (layout.Names.Count > 0)
            {
                return Misplaced();
            }

            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingLengthRule, location, name, "[CountPrefix(width)] or [FixedCount(n)]"));
            return null;
        }

        if (WireUnionParser.IsUnion(type))
        {
            if (!layout.Switch)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SwitchWithoutUnion, location, name,
                    $"holds the wire union '{type.Name}' but has no [Switch(selector)]; name the earlier field whose value picks its case"));
                return null;
            }

            // A case reads itself (in a window when a [LengthOf] field gives its length): no head, at least no bytes.
            return layout.Names.Count > 0 ? Misplaced() : Field(FieldKind.Struct, element: type) is { } union
                ? union with { ElementSize = 0, ElementIsFixedSize = false, ElementIsPlain = false, Switch = SwitchParser.Unresolved }
                : null;
        }

        if (type.IsWireStruct())
        {
            return layout.Names.Count > 0 ? Misplaced() : Field(FieldKind.Struct, element: type);
        }

        return ReportNotWireStruct(type);

        FieldModel? ReportNotWireStruct(ITypeSymbol offending)
        {
            var isUserType = offending is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named && named.Locations.Any(l => l.IsInSource);
            diagnostics.Add(isUserType
                ? DiagnosticInfo.Create(DiagnosticDescriptors.NotAWireStruct, location, name, offending.ToDisplayString())
                : DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedMemberType, location, name, type.ToDisplayString()));
            return null;
        }
    }

    /// <summary>
    /// The minimum size of a nested wire structure and whether it is fixed, when the generator can tell: its
    /// fields are parsed as the structure's own codec parses them and laid out by <see cref="LayoutPlan"/>.
    /// </summary>
    private static (int? Size, bool IsFixed, bool IsPlain) SizeOf(ITypeSymbol type, int depth)
    {
        if (TryGetPrimitive(type, out var primitive))
        {
            return (LayoutPlan.PrimitiveSize(primitive), true, primitive != PrimitiveType.Boolean);
        }

        switch (type.MetadataName())
        {
            case KnownNames.Ipv4Address:
                return (4, true, true);
            case KnownNames.Ipv6Address:
                return (16, true, true);
        }

        if (depth > MaxNestingDepth || type is not INamedTypeSymbol named || !(named.HasAttribute(KnownNames.WireStructAttribute) || WireUnionParser.IsCase(named)))
        {
            return (null, false, false);
        }

        if (!named.Locations.Any(l => l.IsInSource))
        {
            // A structure from another assembly: whether it has ReadFixed/WriteFixed, and what its layout is, depends on
            // how that assembly was built, so it is reached through IWireStruct only (its size is the runtime's to tell).
            return (null, false, false);
        }

        var constructor = named.PrimaryConstructor(default);
        if (constructor is null)
        {
            // A structure with no fields reads itself: its codec is generated for a record this one cannot see the fields of.
            return (0, true, false);
        }

        // The structure reports its own mistakes when its codec is generated; here they only make its size unknown.
        var ignored = new List<DiagnosticInfo>();
        var isBigEndian = named.HasAttribute(KnownNames.BigEndianAttribute);
        var fields = new List<FieldModel>();
        var lengths = LengthsParser.Resolve(constructor, named, ignored);
        for (var i = 0; i < constructor.Parameters.Length; i++)
        {
            // Parsed exactly as the structure's own codec parses it (StructParser): its property's attributes count too.
            var parameter = constructor.Parameters[i];
            var property = named.GetMembers(parameter.Name).OfType<IPropertySymbol>().FirstOrDefault();
            if (Parse(parameter, property, isBigEndian, ignored, depth + 1, lengths.BySource[i], lengths.ByTarget[i]) is not { } field)
            {
                return (null, false, false);
            }

            fields.Add(field);
        }

        // A structure holding a wire union has no view (its case is read to be measured): it is reached as a value.
        if (fields.Any(static f => f.KeepsRecordFromView))
        {
            return (null, false, false);
        }

        // Its bit groups size its containers; a wrong group is its own codec's error.
        if (!BitsParser.Group(fields, fields.Select(_ => (Location?)null).ToList(), BitsParser.RecordMsbFirst(named), ignored))
        {
            return (null, false, false);
        }

        // Its magic counts too (and makes it refuse bytes, so it is not plain); a wrong one is its own codec's error.
        var plan = LayoutPlan.For(fields, MagicParser.Read(named, null, ignored).Count);
        return plan.RuntimeSizedStructs.Count > 0 ? (null, false, false) : (plan.ConstantMinSize, plan.IsFixedSize == true, plan.IsPlain);
    }

    private static bool TryGetPrimitive(ITypeSymbol type, out PrimitiveType primitive)
    {
        var special = type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying } ? underlying.SpecialType : type.SpecialType;
        switch (special)
        {
            case SpecialType.System_Byte: primitive = PrimitiveType.Byte; return true;
            case SpecialType.System_SByte: primitive = PrimitiveType.SByte; return true;
            case SpecialType.System_Boolean: primitive = PrimitiveType.Boolean; return true;
            case SpecialType.System_UInt16: primitive = PrimitiveType.UInt16; return true;
            case SpecialType.System_Int16: primitive = PrimitiveType.Int16; return true;
            case SpecialType.System_UInt32: primitive = PrimitiveType.UInt32; return true;
            case SpecialType.System_Int32: primitive = PrimitiveType.Int32; return true;
            case SpecialType.System_UInt64: primitive = PrimitiveType.UInt64; return true;
            case SpecialType.System_Int64: primitive = PrimitiveType.Int64; return true;
            default: primitive = default; return false;
        }
    }

    private static bool TryGetByteShape(ITypeSymbol type, out SequenceShape shape)
    {
        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte })
        {
            shape = SequenceShape.Array;
            return true;
        }

        if (type is INamedTypeSymbol { IsGenericType: true } named &&
            named.OriginalDefinition.MetadataName() == KnownNames.ReadOnlyMemory &&
            named.TypeArguments[0].SpecialType == SpecialType.System_Byte)
        {
            shape = SequenceShape.ReadOnlyMemory;
            return true;
        }

        shape = SequenceShape.None;
        return false;
    }

    private static bool TryGetElement(ITypeSymbol type, out ITypeSymbol element, out SequenceShape shape)
    {
        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            element = array.ElementType;
            shape = SequenceShape.Array;
            return true;
        }

        if (type is INamedTypeSymbol { IsGenericType: true } named && named.OriginalDefinition.MetadataName() == KnownNames.ImmutableArray)
        {
            element = named.TypeArguments[0];
            shape = SequenceShape.ImmutableArray;
            return true;
        }

        element = type;
        shape = SequenceShape.None;
        return false;
    }

    private static LayoutAttributes ReadAttributes(IParameterSymbol parameter, IPropertySymbol? property)
    {
        var layout = new LayoutAttributes();
        var attributes = property is null ? parameter.GetAttributes() : parameter.GetAttributes().AddRange(property.GetAttributes());
        foreach (var attribute in attributes)
        {
            var args = attribute.ConstructorArguments;
            var first = args.Length > 0 ? args[0].Value : null;
            switch (attribute.AttributeClass?.MetadataName())
            {
                case KnownNames.FixedLengthAttribute:
                    layout.FixedLength = first as int? ?? 0;
                    layout.Names.Add("[FixedLength]");
                    break;
                case KnownNames.LengthPrefixAttribute:
                    layout.LengthPrefix = first as int? ?? 4;
                    layout.Names.Add("[LengthPrefix]");
                    break;
                case KnownNames.CountPrefixAttribute:
                    layout.CountPrefix = first as int? ?? 4;
                    layout.Names.Add("[CountPrefix]");
                    break;
                case KnownNames.RestOfFrameAttribute:
                    layout.RestOfFrame = true;
                    layout.Names.Add("[RestOfFrame]");
                    break;
                case KnownNames.WireNameAttribute:
                    layout.WireName = first as string;
                    break;
                case KnownNames.BigEndianAttribute:
                    layout.BigEndian = true;
                    break;
                case KnownNames.NullTerminatedAttribute:
                    layout.NullTerminated = true;
                    break;
                case KnownNames.ChecksumAttribute:
                    layout.Checksum = attribute;
                    break;
                case KnownNames.FixedCountAttribute:
                    layout.FixedCount = first as int? ?? 0;
                    layout.Names.Add("[FixedCount]");
                    break;
                case KnownNames.PadBeforeAttribute:
                    layout.PadBefore = CountsParser.ReadPad(attribute);
                    break;
                case KnownNames.PadAfterAttribute:
                    layout.PadAfter = CountsParser.ReadPad(attribute);
                    break;
                case KnownNames.WireConverterAttribute:
                    layout.Converter = args.Length > 0 ? args[0] : default(TypedConstant);
                    break;
                case KnownNames.FixedAttribute:
                    layout.Fixed = args.Length > 0 ? args[0] : default(TypedConstant);
                    break;
                case KnownNames.BitsAttribute:
                    layout.Bits = attribute;
                    break;
                case KnownNames.ReservedAttribute:
                    layout.Reserved = true;
                    break;
                case KnownNames.SwitchAttribute:
                    layout.Switch = true;
                    break;
                case KnownNames.PresentWhenAttribute:
                    layout.PresentWhen = attribute;
                    break;
            }
        }

        return layout;
    }
}
