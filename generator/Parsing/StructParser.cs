using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using ProtocolGen.Generator.Diagnostics;
using ProtocolGen.Generator.Model;
using ProtocolGen.Generator.Parsing.Fields;

namespace ProtocolGen.Generator.Parsing;

/// <summary>Turns a <c>[Packet]</c> or <c>[WireStruct]</c> record into a <see cref="StructModel"/> and its diagnostics.</summary>
internal static class StructParser
{
    /// <param name="context">The declaration.</param>
    /// <param name="attribute">The attribute the pipeline found it by: <c>[Packet]</c>, <c>[WireStruct]</c>, <c>[WireCase]</c> or <c>[WireCaseDefault]</c>.</param>
    /// <param name="cancellationToken">Stops the parse.</param>
    public static Result<StructModel> Parse(GeneratorAttributeSyntaxContext context, string attribute, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var location = DeclarationParser.IdentifierLocation(context.TargetNode);
        if (!DeclarationParser.IsFirstApplication(type, context.Attributes[0], context.TargetNode) || Owner(type) != attribute)
        {
            // One codec per type: a repeated attribute on another partial part is the compiler's error to report, and
            // of a type's codec attributes the first of Owner's order parses it ([WireStruct] beside [Packet] adds nothing).
            return new Result<StructModel>(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        UnionMember? membership = null;
        WireCaseInfo? wireCase = null;
        var isPacket = attribute == KnownNames.PacketAttribute;
        var isHeader = attribute == KnownNames.FrameHeaderAttribute;
        if (isHeader && OtherCodecAttribute(type) is { } other)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAttributes, location, type.Name, $"[FrameHeader] and {other}",
                "a frame header is its unions' framing, read and written by the runtime, not a record of its own; declare that record separately"));
            return new Result<StructModel>(null, diagnostics.ToEquatableArray(), LocationInfo.From(location), null, type.ToFullyQualified(), null);
        }

        var model = ParseType(type, context.TargetNode, context.SemanticModel.Compilation, location, isPacket ? context.Attributes[0] : null, isHeader, diagnostics, ref membership, ref wireCase, cancellationToken);
        return new Result<StructModel>(model, diagnostics.ToEquatableArray(), LocationInfo.From(location), membership, type.ToFullyQualified(), wireCase);
    }

    // The codec attributes, in the order that decides which pipeline stage parses a type carrying several. A frame
    // header comes first: it takes no other codec attribute, and says so once.
    private static readonly (string Name, string Spelled)[] CodecAttributes =
    {
        (KnownNames.FrameHeaderAttribute, "[FrameHeader]"),
        (KnownNames.PacketAttribute, "[Packet]"),
        (KnownNames.WireStructAttribute, "[WireStruct]"),
        (KnownNames.WireCaseAttribute, "[WireCase]"),
        (KnownNames.WireCaseDefaultAttribute, "[WireCaseDefault]"),
    };

    // Which pipeline stage parses a type that carries several codec attributes.
    private static string Owner(INamedTypeSymbol type) =>
        CodecAttributes.FirstOrDefault(a => type.HasAttribute(a.Name)).Name ?? KnownNames.WireCaseDefaultAttribute;

    // The first codec attribute beside [FrameHeader], as written.
    private static string? OtherCodecAttribute(INamedTypeSymbol type) =>
        CodecAttributes.Skip(1).FirstOrDefault(a => type.HasAttribute(a.Name)).Spelled;

    private static StructModel? ParseType(INamedTypeSymbol type, SyntaxNode node, Compilation compilation, Location location, AttributeData? packetAttribute, bool isHeader, List<DiagnosticInfo> diagnostics, ref UnionMember? membership, ref WireCaseInfo? wireCase, CancellationToken cancellationToken)
    {
        // The packet's identity comes first: its union learns of it even when the rest of it is wrong.
        PacketInfo? packet = null;
        if (packetAttribute is not null)
        {
            packet = ParsePacket(type, packetAttribute, location, diagnostics);
            if (packet is null)
            {
                return null;
            }

            membership = new UnionMember(packet.UnionFullyQualifiedName, packet.PacketType, packet.Name, type.ToFullyQualified());
        }

        if (!type.IsRecord)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MustBeRecord, location, type.Name));
            return null;
        }

        if (!DeclarationParser.IsPartialAllTheWayOut(node, cancellationToken))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MustBePartial, location, type.Name));
            return null;
        }

        if (type.IsGenericOrInGeneric())
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericProtocolType, location, type.Name));
            return null;
        }

        // A case's claim, like a packet's, reaches its union even when the rest of it is wrong.
        if (packetAttribute is null && !WireUnionParser.TryReadCase(type, location, diagnostics, out wireCase))
        {
            return null;
        }

        if (packetAttribute is not null && WireUnionParser.IsCase(type))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAttributes, location, type.Name, "[Packet] and [WireCase]/[WireCaseDefault]",
                "a packet is a frame of its [ProtocolUnion], a case the member of a record its selector picks; declare the case as its own record and hold it in the packet"));
            return null;
        }

        var magic = MagicParser.Read(type, location, diagnostics);
        var constructor = type.PrimaryConstructor(cancellationToken);
        var isBigEndian = type.HasAttribute(KnownNames.BigEndianAttribute);
        var fields = new List<FieldModel>();
        var failed = false;
        var lengths = LengthsParser.Resolve(constructor, type, diagnostics);
        if (constructor is not null)
        {
            for (var i = 0; i < constructor.Parameters.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var parameter = constructor.Parameters[i];
                var property = type.GetMembers(parameter.Name).OfType<IPropertySymbol>().FirstOrDefault();
                var field = FieldParser.Parse(parameter, property, isBigEndian, diagnostics, lengths.BySource[i], lengths.ByTarget[i]);
                if (field is null)
                {
                    failed = true;
                    continue;
                }

                fields.Add(field);
            }
        }

        // Bit groups are whole only once every member is read: each member's shift depends on those before it.
        failed = failed || !BitsParser.Group(fields, constructor?.Parameters.Select(p => p.Locations.FirstOrDefault()).ToList() ?? new List<Location?>(), BitsParser.RecordMsbFirst(type), diagnostics);
        failed |= !failed && !ChecksumParser.Resolve(fields, type.Name, constructor, diagnostics);
        failed |= !failed && !SwitchParser.Resolve(fields, constructor, type, diagnostics);
        failed |= !failed && !ConditionParser.Resolve(fields, constructor, type, diagnostics);
        if (!failed && packetAttribute is not null && fields.FirstOrDefault(f => f.Switch is not null) is { } switched)
        {
            // A union's view handler hands each packet over as its view, and a case is read as a value, not in place.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SwitchWithoutUnion, constructor!.Parameters.First(p => p.Name == switched.Name).Locations.FirstOrDefault(), switched.Name,
                "is a [Switch] member of a packet, which needs a view for its union's view handler; hold it in a [WireStruct] the packet has as a field"));
            failed = true;
        }

        if (!failed && wireCase is not null)
        {
            WireUnionParser.CheckDefault(wireCase, type.Name, fields, location, diagnostics);
        }

        var plan = failed ? null : LayoutPlan.For(fields, magic.Count);
        FrameHeaderInfo? header = null;
        if (isHeader && plan is not null)
        {
            header = FrameHeaderParser.Read(type, constructor, fields, plan, location, diagnostics);
        }
        else if (!isHeader)
        {
            FrameHeaderParser.ReportMisplaced(type, constructor, diagnostics);
        }

        GeneratedMemberNames.Report(type, constructor, packetAttribute is not null, magic.Count > 0, plan?.IsPlain == true, diagnostics);
        if (packetAttribute is not null || wireCase is not null)
        {
            GeneratedMemberNames.ReportJsonKind(constructor, fields, type.Name, diagnostics);
        }

        ReportRestOfFrameNotLast(fields, constructor, diagnostics);
        ReportSelfContainment(type, constructor, diagnostics, cancellationToken);
        ReportUnserializedState(type, constructor, diagnostics);
        if (failed || diagnostics.Any(d => d.IsError))
        {
            return null;
        }

        var declaresEquality = type.GetMembers("Equals").OfType<IMethodSymbol>().Any(m =>
            !m.IsImplicitlyDeclared && m.Parameters.Length == 1 &&
            SymbolEqualityComparer.Default.Equals(m.Parameters[0].Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), type));

        // By symbol, not spelling: "StringBuilder", "System.Text.StringBuilder" and "StringBuilder?" are one type.
        var stringBuilder = compilation.GetTypeByMetadataName("System.Text.StringBuilder");
        var declaresPrintMembers = stringBuilder is not null && type.GetMembers("PrintMembers").OfType<IMethodSymbol>().Any(m =>
            !m.IsImplicitlyDeclared && m.Parameters.Length == 1 &&
            SymbolEqualityComparer.Default.Equals(m.Parameters[0].Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), stringBuilder));

        return new StructModel(
            DeclarationParser.Describe(type),
            type.IsValueType,
            type.IsSealed,
            type.BaseType is { IsRecord: true },
            packet,
            fields.ToEquatableArray(),
            declaresEquality,
            declaresPrintMembers,
            plan!,
            magic,
            wireCase,
            header);
    }

    private static PacketInfo? ParsePacket(INamedTypeSymbol type, AttributeData attribute, Location location, List<DiagnosticInfo> diagnostics)
    {
        // [Packet(int)], or [Packet(long)] for a header union's numbers of 2^31 and above.
        var packetType = attribute.ConstructorArguments.Length > 0
            ? attribute.ConstructorArguments[0].Value switch { int value => value, long value => value, _ => -1L }
            : -1L;
        var candidates = FindUnions(type);
        if (candidates.Count == 1 && IsHeaderUnion(candidates[0]))
        {
            // A header's type may be wider than a byte: the union checks each number against its header (PG0046).
            if (packetType < 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PacketNumberDoesNotFitHeader, location, type.Name, candidates[0].Name,
                    $"uses number {packetType.ToString(System.Globalization.CultureInfo.InvariantCulture)}, which no frame type holds; use a number from 0 up"));
                return null;
            }
        }
        else if (packetType is < 0 or > 255)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PacketTypeOutOfRange, location, type.Name, packetType.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return null;
        }

        var name = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Name").Value.Value as string ?? type.Name;
        var unions = FindUnions(type);
        if (unions.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PacketWithoutUnion, location, type.Name));
            return null;
        }

        if (unions.Count > 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PacketInTwoUnions, location, type.Name, string.Join(", ", unions.Select(u => "'" + u.Name + "'"))));
            return null;
        }

        var union = unions[0];
        return new PacketInfo(packetType, name, union.ToFullyQualified(), union.TypeKind == TypeKind.Interface);
    }

    /// <summary>Whether a union root is declared <c>[ProtocolUnion(typeof(THeader))]</c>.</summary>
    internal static bool IsHeaderUnion(INamedTypeSymbol union) =>
        union.GetAttributes().Any(a => a.AttributeClass is { } c && c.MetadataName() == KnownNames.ProtocolUnionAttribute
            && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Kind == TypedConstantKind.Type);

    internal static List<INamedTypeSymbol> FindUnions(INamedTypeSymbol type)
    {
        var unions = new List<INamedTypeSymbol>();
        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (baseType.HasAttribute(KnownNames.ProtocolUnionAttribute))
            {
                unions.Add(baseType);
            }
        }

        unions.AddRange(type.AllInterfaces.Where(i => i.HasAttribute(KnownNames.ProtocolUnionAttribute)));
        return unions;
    }

    private static void ReportRestOfFrameNotLast(List<FieldModel> fields, IMethodSymbol? constructor, List<DiagnosticInfo> diagnostics)
    {
        for (var i = 0; i < fields.Count - 1; i++)
        {
            if (fields[i].Kind is FieldKind.RestBytes or FieldKind.RestString)
            {
                var parameter = constructor!.Parameters.First(p => p.Name == fields[i].Name);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RestOfFrameNotLast, parameter.Locations.FirstOrDefault(), fields[i].Name));
            }
        }
    }

    /// <summary>
    /// Reports a member that holds the record, directly, through other wire structures or in arrays: inline it
    /// has no finite size, and in arrays a hostile frame could nest it until reading overflows the stack.
    /// </summary>
    private static void ReportSelfContainment(INamedTypeSymbol type, IMethodSymbol? constructor, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        foreach (var parameter in constructor?.Parameters ?? Enumerable.Empty<IParameterSymbol>())
        {
            if (Holds(parameter.Type, type, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default), cancellationToken))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SelfContainingStructure, parameter.Locations.FirstOrDefault(), parameter.Name, type.Name));
            }
        }
    }

    private static bool Holds(ITypeSymbol candidate, INamedTypeSymbol target, HashSet<ITypeSymbol> seen, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (SymbolEqualityComparer.Default.Equals(candidate, target))
        {
            return true;
        }

        if (candidate is IArrayTypeSymbol array)
        {
            return Holds(array.ElementType, target, seen, cancellationToken);
        }

        // A conditional record struct (T?) holds T when present, so it can nest as deep as hostile bytes say.
        if (candidate is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            return Holds(nullable.TypeArguments[0], target, seen, cancellationToken);
        }

        if (candidate is INamedTypeSymbol { IsGenericType: true } generic && generic.OriginalDefinition.MetadataName() == KnownNames.ImmutableArray)
        {
            return Holds(generic.TypeArguments[0], target, seen, cancellationToken);
        }

        if (candidate is not INamedTypeSymbol named || !(named.HasAttribute(KnownNames.WireStructAttribute) || WireUnionParser.IsCase(named)) || !seen.Add(named))
        {
            return false;
        }

        var constructor = named.PrimaryConstructor(cancellationToken);
        return constructor is not null && constructor.Parameters.Any(p => Holds(p.Type, target, seen, cancellationToken));
    }

    private static void ReportUnserializedState(INamedTypeSymbol type, IMethodSymbol? constructor, List<DiagnosticInfo> diagnostics)
    {
        var positional = new HashSet<string>(constructor?.Parameters.Select(p => p.Name) ?? Enumerable.Empty<string>());
        foreach (var member in type.GetMembers())
        {
            if (member.IsStatic || member.IsImplicitlyDeclared || positional.Contains(member.Name))
            {
                continue;
            }

            var isState = member switch
            {
                IFieldSymbol field => !field.IsConst && field.AssociatedSymbol is null,
                IPropertySymbol property => property.SetMethod is not null || IsAutoProperty(property),
                _ => false,
            };

            if (isState)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnserializedState, member.Locations.FirstOrDefault(), member.Name, type.Name));
            }
        }
    }

    private static bool IsAutoProperty(IPropertySymbol property) =>
        property.ContainingType.GetMembers().OfType<IFieldSymbol>().Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));
}
