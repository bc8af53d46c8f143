using System.Linq;
using Microsoft.CodeAnalysis;
using ProtocolGen.Generator.Diagnostics;
using ProtocolGen.Generator.Emitting;
using ProtocolGen.Generator.Model;
using ProtocolGen.Generator.Parsing;

namespace ProtocolGen.Generator;

/// <summary>
/// Turns <c>[Packet]</c>, <c>[WireStruct]</c>, <c>[ProtocolUnion]</c>, <c>[WireUnion]</c> and <c>[WireCase]</c> partial types into codecs.
/// This file only wires the pipeline: symbols are parsed into value models, diagnostics and source are
/// separate outputs, and the emitters see models only.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ProtocolGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var packetResults = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.PacketAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                static (syntax, token) => StructParser.Parse(syntax, KnownNames.PacketAttribute, token))
            .WithTrackingName(TrackingNames.PacketResults);

        var wireStructResults = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.WireStructAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                static (syntax, token) => StructParser.Parse(syntax, KnownNames.WireStructAttribute, token))
            .WithTrackingName(TrackingNames.WireStructResults);

        // A wire union's cases are wire structures too; each attribute finds the records that carry no earlier one.
        var wireCaseResults = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.WireCaseAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                static (syntax, token) => StructParser.Parse(syntax, KnownNames.WireCaseAttribute, token))
            .WithTrackingName(TrackingNames.WireCaseResults);

        var wireCaseDefaultResults = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.WireCaseDefaultAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                static (syntax, token) => StructParser.Parse(syntax, KnownNames.WireCaseDefaultAttribute, token))
            .WithTrackingName(TrackingNames.WireCaseDefaultResults);

        var wireUnionDeclarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.WireUnionAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.InterfaceDeclarationSyntax,
                static (syntax, token) => WireUnionParser.Parse(syntax, token))
            .WithTrackingName(TrackingNames.WireUnionDeclarations);

        // A union's frame header is a wire structure too, with the framing contract on top.
        var frameHeaderResults = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.FrameHeaderAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                static (syntax, token) => StructParser.Parse(syntax, KnownNames.FrameHeaderAttribute, token))
            .WithTrackingName(TrackingNames.FrameHeaderResults);

        var allStructureResults = packetResults.Collect()
            .Combine(wireStructResults.Collect())
            .Combine(wireCaseResults.Collect())
            .Combine(wireCaseDefaultResults.Collect())
            .Combine(frameHeaderResults.Collect())
            .Select(static (all, _) => all.Left.Left.Left.Left.AddRange(all.Left.Left.Left.Right).AddRange(all.Left.Left.Right).AddRange(all.Left.Right).AddRange(all.Right));

        var unionDeclarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.ProtocolUnionAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                static (syntax, token) => UnionParser.Parse(syntax, token))
            .WithTrackingName(TrackingNames.UnionDeclarations);

        // Declarations that get no codec: a PG error of their own, or a union root or structure field that has one.
        var withheld = allStructureResults
            .Combine(unionDeclarations.Collect())
            .Combine(wireUnionDeclarations.Collect())
            .Select(static (all, _) => Withholding.Find(all.Left.Left, all.Left.Right, all.Right))
            .WithTrackingName(TrackingNames.Withheld);

        // Every case's claim on its union, the invalid cases' too, with whether it got a codec to dispatch to.
        var caseClaims = allStructureResults
            .Combine(withheld)
            .Select(static (all, _) => all.Left
                .Where(static r => r.Case is not null)
                .Select(r => new WireCaseClaim(r.Case!, r.Location, Withholding.Generated(r, all.Right) is not null))
                .ToEquatableArray())
            .WithTrackingName(TrackingNames.WireCaseClaims);

        // Every [Switch] member's selector: its type bounds the tags the union's cases can have.
        var switchSelectors = allStructureResults
            .Select(static (all, _) => all
                .Where(static r => r.Value is not null)
                .SelectMany(static r => Parsing.Fields.SwitchParser.Selectors(r.Value!))
                .Distinct()
                .OrderBy(static s => s.Spelled, System.StringComparer.Ordinal)
                .ToEquatableArray());

        var wireUnionResults = wireUnionDeclarations
            .Where(static r => r.Value is not null)
            .Combine(caseClaims)
            .Combine(switchSelectors)
            .Select(static (pair, _) => WireUnionParser.Join(pair.Left.Left.Value!, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.WireUnionResults);

        var memberships = packetResults
            .Where(static r => r.Membership is not null)
            .Combine(withheld)
            .Select(static (pair, _) => new PacketMembership(pair.Left.Membership!, pair.Left.Location, Withholding.Generated(pair.Left, pair.Right) is not null))
            .Collect()
            .Select(static (all, _) => all.ToEquatableArray())
            .WithTrackingName(TrackingNames.Memberships);

        // Every packet's union, the invalid packets' too: a union learns of packets that get no codec.
        var claims = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.PacketAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                static (syntax, token) => PacketClaimParser.Parse(syntax, token))
            .Where(static c => c is not null)
            .Collect()
            .Select(static (all, _) => all.Select(static c => c!).ToEquatableArray())
            .WithTrackingName(TrackingNames.PacketClaims);

        var frameHeaderModels = frameHeaderResults.Combine(withheld)
            .Select(static (pair, _) => Withholding.Generated(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.FrameHeaderModels);

        // What unions need of their headers: a header's edit that keeps its size and type width regenerates no union.
        var frameHeaderShapes = frameHeaderModels
            .Where(static m => m?.FrameHeader is not null)
            .Select(static (m, _) => new FrameHeaderShape(m!.Declaration.FullyQualifiedName, m.Declaration.Name, m.FrameHeader!.Size, m.FrameHeader.Type?.Bits))
            .Collect()
            .Select(static (all, _) => all.ToEquatableArray())
            .WithTrackingName(TrackingNames.FrameHeaderShapes);

        var unionResults = unionDeclarations
            .Where(static r => r.Value is not null)
            .Combine(memberships)
            .Combine(claims)
            .Combine(frameHeaderShapes)
            .Select(static (pair, _) => UnionParser.Join(pair.Left.Left.Left.Value!, pair.Left.Left.Right, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.UnionResults);

        var packetModels = packetResults.Combine(withheld)
            .Select(static (pair, _) => Withholding.Generated(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.PacketModels);
        var wireStructModels = wireStructResults.Combine(withheld)
            .Select(static (pair, _) => Withholding.Generated(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.WireStructModels);
        var wireCaseModels = wireCaseResults.Combine(withheld)
            .Select(static (pair, _) => Withholding.Generated(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.WireCaseModels);
        var wireCaseDefaultModels = wireCaseDefaultResults.Combine(withheld)
            .Select(static (pair, _) => Withholding.Generated(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.WireCaseDefaultModels);
        var unionModels = unionResults.Select(static (r, _) => r.Value).WithTrackingName(TrackingNames.UnionModels);
        var wireUnionModels = wireUnionResults.Select(static (r, _) => r.Value).WithTrackingName(TrackingNames.WireUnionModels);

        context.RegisterSourceOutput(packetModels, static (spc, model) => EmitStruct(spc, model));
        context.RegisterSourceOutput(wireStructModels, static (spc, model) => EmitStruct(spc, model));
        context.RegisterSourceOutput(wireCaseModels, static (spc, model) => EmitStruct(spc, model));
        context.RegisterSourceOutput(wireCaseDefaultModels, static (spc, model) => EmitStruct(spc, model));
        context.RegisterSourceOutput(frameHeaderModels, static (spc, model) =>
        {
            EmitStruct(spc, model);
            if (model?.FrameHeader is not null)
            {
                spc.AddSource(model.Declaration.HintName + ".FrameHeader.g.cs", FrameHeaderEmitter.Emit(model));
            }
        });
        context.RegisterSourceOutput(wireUnionModels, static (spc, model) =>
        {
            if (model is not null)
            {
                spc.AddSource(model.Declaration.HintName + ".WireUnion.g.cs", WireUnionEmitter.Emit(model));
            }
        });
        context.RegisterSourceOutput(unionModels, static (spc, model) =>
        {
            if (model is not null)
            {
                spc.AddSource(model.Declaration.HintName + ".g.cs", model.Header is null ? UnionEmitter.Emit(model) : HeaderUnionEmitter.Emit(model));
            }
        });

        context.RegisterSourceOutput(unionModels, static (spc, model) => EmitHandler(spc, model));

        var enumModels = packetModels.Collect()
            .Combine(wireStructModels.Collect())
            .Combine(wireCaseModels.Collect())
            .Combine(wireCaseDefaultModels.Collect())
            .Combine(frameHeaderModels.Collect())
            .SelectMany(static (all, _) => all.Left.Left.Left.Left.Concat(all.Left.Left.Left.Right).Concat(all.Left.Left.Right).Concat(all.Left.Right).Concat(all.Right)
                .SelectMany(static model => model?.Fields ?? EquatableArray<FieldModel>.Empty)
                .Select(static field => field.Enum)
                .OfType<EnumModel>()
                .Distinct())
            .WithTrackingName(TrackingNames.EnumModels);

        context.RegisterSourceOutput(enumModels, static (spc, model) =>
            spc.AddSource(model.FullyQualifiedName.Replace("global::", string.Empty) + ".WireNames.g.cs", JsonEmitter.EmitEnumNames(model)));

        var closedEnumDiagnostics = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.ClosedEnumAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.EnumDeclarationSyntax,
                static (syntax, token) => Parsing.Fields.ClosedEnumParser.Parse(syntax, token))
            .WithTrackingName(TrackingNames.ClosedEnumDiagnostics);

        context.RegisterSourceOutput(closedEnumDiagnostics, ReportDiagnostics);

        var misplacedMagic = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.MagicAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                static (syntax, token) => Parsing.Fields.MagicParser.ReportMisplaced(syntax, token))
            .WithTrackingName(TrackingNames.MisplacedMagic);

        context.RegisterSourceOutput(misplacedMagic, ReportDiagnostics);
        context.RegisterSourceOutput(packetResults.Select(static (r, _) => r.Diagnostics), ReportDiagnostics);
        context.RegisterSourceOutput(wireStructResults.Select(static (r, _) => r.Diagnostics), ReportDiagnostics);
        context.RegisterSourceOutput(wireCaseResults.Select(static (r, _) => r.Diagnostics), ReportDiagnostics);
        context.RegisterSourceOutput(wireCaseDefaultResults.Select(static (r, _) => r.Diagnostics), ReportDiagnostics);
        context.RegisterSourceOutput(frameHeaderResults.Select(static (r, _) => r.Diagnostics), ReportDiagnostics);
        context.RegisterSourceOutput(wireUnionDeclarations.Select(static (r, _) => r.Diagnostics), ReportDiagnostics);
        context.RegisterSourceOutput(wireUnionResults.Select(static (r, _) => r.Diagnostics), ReportDiagnostics);
        context.RegisterSourceOutput(unionDeclarations.Select(static (r, _) => r.Diagnostics), ReportDiagnostics);
        context.RegisterSourceOutput(unionResults.Select(static (r, _) => r.Diagnostics), ReportDiagnostics);
    }

    private static void EmitStruct(SourceProductionContext context, StructModel? model)
    {
        if (model is not null)
        {
            context.AddSource(model.Declaration.HintName + ".g.cs", StructEmitter.Emit(model));
            // A view reads fields in place; a wire union's case is read as a value, so its holder has none yet.
            if (!model.Fields.Any(static f => f.KeepsRecordFromView))
            {
                context.AddSource(model.Declaration.HintName + ".View.g.cs", ViewEmitter.Emit(model));
            }
        }
    }

    private static void EmitHandler(SourceProductionContext context, UnionModel? model)
    {
        // The handlers and view readers dispatch on a type byte; a header's type may be wider (not generated yet).
        if (model is not null && model.Header is null)
        {
            context.AddSource(model.Declaration.HintName + ".Handler.g.cs", HandlerEmitter.Emit(model));
        }
    }

    private static void ReportDiagnostics(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var info in diagnostics)
        {
            context.ReportDiagnostic(info.ToDiagnostic());
        }
    }
}
