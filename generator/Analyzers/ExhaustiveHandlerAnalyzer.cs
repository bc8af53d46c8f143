using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ProtocolGen.Generator.Diagnostics;
using ProtocolGen.Generator.Parsing;

namespace ProtocolGen.Generator.Analyzers;

/// <summary>
/// PG0020: a handler marked <c>[ExhaustiveHandler]</c> must have its own <c>Handle</c> method for every packet kind
/// of each generated <c>IHandler</c> or <c>IViewHandler</c> it implements. Without the attribute, a kind it does
/// not handle goes to <c>HandleOther</c>, so a new packet breaks nothing; with it, the new packet is an error at
/// every handler that has not learnt it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExhaustiveHandlerAnalyzer : DiagnosticAnalyzer
{
    private const string ExhaustiveHandlerAttribute = "ProtocolGen.ExhaustiveHandlerAttribute";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.IncompleteExhaustiveHandler);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var exhaustive = start.Compilation.GetTypeByMetadataName(ExhaustiveHandlerAttribute);
            var union = start.Compilation.GetTypeByMetadataName(KnownNames.ProtocolUnionAttribute);
            if (exhaustive is null || union is null)
            {
                return;
            }

            start.RegisterSymbolAction(symbol => Analyze(symbol, exhaustive, union), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol exhaustive, INamedTypeSymbol union)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, exhaustive)))
        {
            return;
        }

        foreach (var handler in type.AllInterfaces.Where(i => IsGeneratedHandler(i, union)))
        {
            var missing = new List<string>();
            foreach (var method in handler.GetMembers("Handle").OfType<IMethodSymbol>())
            {
                // Each kind's method has a default (it routes to HandleOther); the handler handles the kind when it replaces it.
                var implementation = type.FindImplementationForInterfaceMember(method);
                if (implementation is null || implementation.ContainingType.TypeKind == TypeKind.Interface)
                {
                    missing.Add("'" + KindName(method) + "'");
                }
            }

            if (missing.Count > 0)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.IncompleteExhaustiveHandler,
                    type.Locations.FirstOrDefault(l => l.IsInSource),
                    type.Name,
                    string.Join(", ", missing),
                    handler.ContainingType.Name + "." + handler.Name));
            }
        }
    }

    private static bool IsGeneratedHandler(INamedTypeSymbol candidate, INamedTypeSymbol union) =>
        candidate.Name is "IHandler" or "IViewHandler"
        && candidate.ContainingType is { } root
        && root.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, union));

    // A view handler's parameter is the packet's nested View; the kind is the packet.
    private static string KindName(IMethodSymbol method)
    {
        var parameter = method.Parameters.FirstOrDefault()?.Type;
        return parameter is { Name: "View", ContainingType: { } packet } ? packet.Name : parameter?.Name ?? method.Name;
    }
}
