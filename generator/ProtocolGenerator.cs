using System.Linq;
using Microsoft.CodeAnalysis;
using ProtocolGen.Generator.Diagnostics;
using ProtocolGen.Generator.Emitting;
using ProtocolGen.Generator.Model;
using ProtocolGen.Generator.Parsing;

namespace ProtocolGen.Generator;

/// <summary>
/// Turns <c>[Packet]</c>, <c>[WireStruct]</c> and <c>[ProtocolUnion]</c> partial types into codecs.
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
                static (syntax, token) => StructParser.Parse(syntax, isPacket: true, token))
            .WithTrackingName(TrackingNames.PacketResults);

        var wireStructResults = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.WireStructAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                static (syntax, token) => StructParser.Parse(syntax, isPacket: false, token))
            .WithTrackingName(TrackingNames.WireStructResults);

        var unionDeclarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.ProtocolUnionAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                static (syntax, token) => UnionParser.Parse(syntax, token))
            .WithTrackingName(TrackingNames.UnionDeclarations);

        // Declarations that get no codec: a PG error of their own, or a union root or structure field that has one.
        var withheld = packetResults.Collect()
            .Combine(wireStructResults.Collect())
            .Combine(unionDeclarations.Collect())
            .Select(static (all, _) => Withholding.Find(all.Left.Left.AddRange(all.Left.Right), all.Right))
            .WithTrackingName(TrackingNames.Withheld);

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

        var unionResults = unionDeclarations
            .Where(static r => r.Value is not null)
            .Combine(memberships)
            .Combine(claims)
            .Select(static (pair, _) => UnionParser.Join(pair.Left.Left.Value!, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.UnionResults);

        var packetModels = packetResults.Combine(withheld)
            .Select(static (pair, _) => Withholding.Generated(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.PacketModels);
        var wireStructModels = wireStructResults.Combine(withheld)
            .Select(static (pair, _) => Withholding.Generated(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.WireStructModels);
        var unionModels = unionResults.Select(static (r, _) => r.Value).WithTrackingName(TrackingNames.UnionModels);

        context.RegisterSourceOutput(packetModels, static (spc, model) => EmitStruct(spc, model));
        context.RegisterSourceOutput(wireStructModels, static (spc, model) => EmitStruct(spc, model));
        context.RegisterSourceOutput(unionModels, static (spc, model) =>
        {
            if (model is not null)
            {
                spc.AddSource(model.Declaration.HintName + ".g.cs", UnionEmitter.Emit(model));
            }
        });

        context.RegisterSourceOutput(unionModels, static (spc, model) => EmitHandler(spc, model));

        var enumModels = packetModels.Collect()
            .Combine(wireStructModels.Collect())
            .SelectMany(static (pair, _) => pair.Left.Concat(pair.Right)
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
        context.RegisterSourceOutput(unionDeclarations.Select(static (r, _) => r.Diagnostics), ReportDiagnostics);
        context.RegisterSourceOutput(unionResults.Select(static (r, _) => r.Diagnostics), ReportDiagnostics);
    }

    private static void EmitStruct(SourceProductionContext context, StructModel? model)
    {
        if (model is not null)
        {
            context.AddSource(model.Declaration.HintName + ".g.cs", StructEmitter.Emit(model));
            context.AddSource(model.Declaration.HintName + ".View.g.cs", ViewEmitter.Emit(model));
        }
    }

    private static void EmitHandler(SourceProductionContext context, UnionModel? model)
    {
        if (model is not null)
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
