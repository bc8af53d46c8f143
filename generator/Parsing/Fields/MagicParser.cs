using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProtocolGen.Generator.Diagnostics;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Parsing.Fields;

/// <summary>Reads a record's <c>[Magic]</c>: its bytes (given as bytes or as ASCII text), or PG0027 when it has none.</summary>
internal static class MagicParser
{
    /// <summary>The magic bytes of <paramref name="type"/>; empty when it declares none or declares it wrongly (then PG0027 is in <paramref name="diagnostics"/>).</summary>
    public static EquatableArray<byte> Read(INamedTypeSymbol type, Location? location, List<DiagnosticInfo> diagnostics)
    {
        var attribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.MetadataName() == KnownNames.MagicAttribute);
        if (attribute is null || attribute.ConstructorArguments.Length != 1)
        {
            return EquatableArray<byte>.Empty;
        }

        var argument = attribute.ConstructorArguments[0];
        if (argument.Kind == TypedConstantKind.Array)
        {
            var bytes = argument.Values.Select(v => v.Value is byte b ? b : (byte)0).ToEquatableArray();
            if (bytes.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyMagic, location, type.Name, "[Magic()] with no bytes"));
            }

            return bytes;
        }

        var text = argument.Value as string ?? string.Empty;
        if (text.Length == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyMagic, location, type.Name, "[Magic(\"\")], an empty text"));
            return EquatableArray<byte>.Empty;
        }

        var wide = text.FirstOrDefault(c => c > 0x7F);
        if (wide != default)
        {
            var code = ((int)wide).ToString("X4", CultureInfo.InvariantCulture);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyMagic, location, type.Name, $"a magic text holding U+{code}, which is not ASCII (write it as bytes)"));
            return EquatableArray<byte>.Empty;
        }

        return text.Select(c => (byte)c).ToEquatableArray();
    }

    /// <summary>
    /// PG0009 for a <c>[Magic]</c> on a type that is neither a packet nor a wire structure (a union root, a plain
    /// record): no codec reads it there, and an attribute the generator ignores would silently check nothing.
    /// </summary>
    public static EquatableArray<DiagnosticInfo> ReportMisplaced(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (context.TargetSymbol is not INamedTypeSymbol type
            || type.HasAttribute(KnownNames.PacketAttribute)
            || type.HasAttribute(KnownNames.WireStructAttribute) || WireUnionParser.IsCase(type)
            || type.HasAttribute(KnownNames.FrameHeaderAttribute)
            || !DeclarationParser.IsFirstApplication(type, context.Attributes[0], context.TargetNode))
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var location = context.TargetNode is TypeDeclarationSyntax declaration ? declaration.Identifier.GetLocation() : context.TargetNode.GetLocation();
        return new List<DiagnosticInfo>
        {
            DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAttributes, location, type.Name, "[Magic]",
                "a magic is the bytes before a packet's or [WireStruct]'s first field; mark the record [Packet] or [WireStruct], or remove it"),
        }.ToEquatableArray();
    }
}
