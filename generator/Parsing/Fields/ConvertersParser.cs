using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProtocolGen.Generator.Diagnostics;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Parsing.Fields;

/// <summary>
/// Reads <c>[WireConverter(typeof(C))]</c> on a member: which interface <c>C</c> implements for the member's type, and
/// so the member's wire form (an integer, boolean or enum, or a constant number of bytes); PG0043 when it converts
/// nothing the member can be, PG0044 (info) when it has no JSON form of its own.
/// </summary>
internal static class ConvertersParser
{
    /// <summary>A converted member's wire form.</summary>
    /// <param name="Kind"><see cref="FieldKind.Primitive"/>, <see cref="FieldKind.Enum"/> or <see cref="FieldKind.FixedBytes"/>.</param>
    /// <param name="Primitive">The wire integer type (or the enum's underlying type).</param>
    /// <param name="WireType">The wire type (an enum's gives its model); null for bytes.</param>
    /// <param name="Length">The byte count of a bytes converter.</param>
    /// <param name="Info">The converter.</param>
    public sealed record Wire(FieldKind Kind, PrimitiveType Primitive, ITypeSymbol? WireType, int Length, ConverterInfo Info);

    /// <summary>The member's wire form through <paramref name="converter"/>, or null with PG0043 in <paramref name="diagnostics"/>.</summary>
    public static Wire? Read(TypedConstant converter, ITypeSymbol memberType, string name, Location? location, List<DiagnosticInfo> diagnostics, System.Func<ITypeSymbol, PrimitiveType?> primitiveOf)
    {
        Wire? Refuse(string why)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConverterDoesNotConvert, location, name, memberType.ToDisplayString(), (converter.Value as ITypeSymbol)?.ToDisplayString() ?? "null", why));
            return null;
        }

        if (converter.Value is not INamedTypeSymbol type || type.TypeKind == TypeKind.Error)
        {
            return converter.Value is ITypeSymbol { TypeKind: TypeKind.Error } ? null : Refuse("is not a type");
        }

        if (type.IsUnboundGenericType || type.TypeParameters.Length > 0 && type.TypeArguments.Any(a => a is ITypeParameterSymbol))
        {
            return Refuse("is an open generic type; name a closed one");
        }

        var converts = type.AllInterfaces.FirstOrDefault(i => i.OriginalDefinition.MetadataName() == KnownNames.WireConverterInterface && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], memberType));
        var bytes = type.AllInterfaces.FirstOrDefault(i => i.OriginalDefinition.MetadataName() == KnownNames.WireBytesConverterInterface && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], memberType));
        var hasJson = type.AllInterfaces.Any(i => i.OriginalDefinition.MetadataName() == KnownNames.WireJsonConverterInterface && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], memberType));
        var display = memberType.ToDisplayString();
        if (converts is null && bytes is null)
        {
            return Refuse($"implements neither IWireConverter<{display}, TWire> nor IWireBytesConverter<{display}>");
        }

        if (converts is not null && bytes is not null)
        {
            return Refuse($"implements both IWireConverter<{display}, TWire> and IWireBytesConverter<{display}>; keep one, so the wire form is plain to see");
        }

        Wire wire;
        if (converts is not null)
        {
            var wireType = converts.TypeArguments[1];
            if (primitiveOf(wireType) is not { } primitive)
            {
                return Refuse($"converts to '{wireType.ToDisplayString()}', which is not an integer, bool or enum the wire carries");
            }

            var kind = wireType is INamedTypeSymbol { TypeKind: TypeKind.Enum } ? FieldKind.Enum : FieldKind.Primitive;
            wire = new Wire(kind, primitive, wireType, 0, new ConverterInfo(type.ToFullyQualified(), wireType.ToFullyQualified(), hasJson));
        }
        else
        {
            var size = ConstantSize(type, bytes!);
            if (size is not > 0)
            {
                return Refuse(size is null
                    ? "has a Size the generator cannot read; declare it as a constant: public static int Size => 6;"
                    : "has a Size of 0 or less; a converted member takes at least 1 byte");
            }

            wire = new Wire(FieldKind.FixedBytes, PrimitiveType.Byte, null, size.Value, new ConverterInfo(type.ToFullyQualified(), null, hasJson));
        }

        if (!hasJson)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConvertedWithoutJson, location, name, type.ToDisplayString(), display));
        }

        return wire;
    }

    // The converter's Size as the constant its declaration returns: `=> 6`, `{ get; } = 6` or `=> SomeConst`.
    private static int? ConstantSize(INamedTypeSymbol type, INamedTypeSymbol bytesInterface)
    {
        var sizeMember = bytesInterface.GetMembers("Size").FirstOrDefault();
        if (sizeMember is null || type.FindImplementationForInterfaceMember(sizeMember) is not IPropertySymbol property)
        {
            return null;
        }

        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not PropertyDeclarationSyntax declaration)
            {
                continue;
            }

            var expression = declaration.ExpressionBody?.Expression
                ?? declaration.Initializer?.Value
                ?? declaration.AccessorList?.Accessors.FirstOrDefault(a => a.Keyword.Text == "get")?.ExpressionBody?.Expression
                ?? (declaration.AccessorList?.Accessors.FirstOrDefault(a => a.Keyword.Text == "get")?.Body?.Statements.SingleOrDefault() as ReturnStatementSyntax)?.Expression;
            return Evaluate(expression, type);
        }

        return null;
    }

    private static int? Evaluate(ExpressionSyntax? expression, INamedTypeSymbol type) => expression switch
    {
        LiteralExpressionSyntax literal => literal.Token.Value as int?,
        ParenthesizedExpressionSyntax parenthesized => Evaluate(parenthesized.Expression, type),
        IdentifierNameSyntax identifier => type.GetMembers(identifier.Identifier.Text).OfType<IFieldSymbol>().FirstOrDefault(f => f.IsConst)?.ConstantValue as int?,
        _ => null,
    };
}
