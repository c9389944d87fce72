using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.Security;

/// <summary>
/// RDY104: developer diagnostics switched on outside a Development guard: <c>UseDeveloperExceptionPage()</c>,
/// <c>UseDatabaseErrorPage()</c>, <c>UseMigrationsEndPoint()</c>, SignalR <c>HubOptions.EnableDetailedErrors = true</c>,
/// gRPC <c>GrpcServiceOptions.EnableDetailedErrors = true</c>, Blazor Server <c>CircuitOptions.DetailedErrors = true</c>,
/// <c>IdentityModelEventSource.ShowPII = true</c>, and a ProblemDetails <c>IncludeExceptionDetails</c> callback that
/// always returns true. A value computed from the environment (<c>EnableDetailedErrors = env.IsDevelopment()</c>) is
/// not constant and not reported; nor is anything under a Development guard (see <see cref="EnvironmentGuards.IsDevelopmentOnlyThroughEnclosingFunctions"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeveloperDiagnosticsInProductionAnalyzer : DiagnosticAnalyzer
{
    internal const string ShapeProperty = "Shape";
    internal const string OnWebApplicationProperty = "OnWebApplication";

    private static readonly string[] Middleware = ["UseDeveloperExceptionPage", "UseDatabaseErrorPage", "UseMigrationsEndPoint"];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DeveloperDiagnosticsInProduction);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            // ASP.NET Core is what these switches belong to; a project without it pays nothing.
            if (start.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.IApplicationBuilder") is null)
            {
                return;
            }

            var webApplication = start.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplication");
            start.RegisterOperationAction(c => AnalyzeInvocation(c, webApplication), OperationKind.Invocation);
            start.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol? webApplication)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (Array.IndexOf(Middleware, method.Name) < 0
            || !method.ContainingType.Name.EndsWith("Extensions", StringComparison.Ordinal)
            || method.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) != true
            || EnvironmentGuards.IsDevelopmentOnlyThroughEnclosingFunctions(invocation, context.CancellationToken))
        {
            return;
        }

        var receiver = invocation.Arguments.Length > 0 ? AcceptAllDelegates.Unwrap(invocation.Arguments[0].Value) : invocation.Instance;
        var onWebApplication = method.Name == "UseDeveloperExceptionPage" && webApplication is not null
            && SymbolEqualityComparer.Default.Equals(receiver?.Type, webApplication);
        var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
            ? access.Name.GetLocation()
            : invocation.Syntax.GetLocation();
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(ShapeProperty, "Call")
            .Add(OnWebApplicationProperty, onWebApplication ? "true" : "false");
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.DeveloperDiagnosticsInProduction, location, properties, "'" + method.Name + "()'"));
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: { } property } target)
        {
            return;
        }

        var typeName = property.ContainingType.Name;
        bool matches = property.Name switch
        {
            "EnableDetailedErrors" => typeName is "HubOptions" or "GrpcServiceOptions",
            "DetailedErrors" => typeName == "CircuitOptions",
            "ShowPII" => typeName == "IdentityModelEventSource",
            "IncludeExceptionDetails" => typeName == "ProblemDetailsOptions",
            _ => false,
        };

        if (!matches)
        {
            return;
        }

        var isBoolean = IsBoolean(property.Type);
        var enabled = isBoolean
            ? AcceptAllDelegates.Unwrap(assignment.Value)?.ConstantValue is { HasValue: true, Value: true }
            : AcceptAllDelegates.AlwaysAccepts(assignment.Value, context.CancellationToken);
        if (!enabled || EnvironmentGuards.IsDevelopmentOnlyThroughEnclosingFunctions(assignment, context.CancellationToken))
        {
            return;
        }

        var location = target.Syntax switch
        {
            MemberAccessExpressionSyntax access => access.Name.GetLocation(),
            _ => target.Syntax.GetLocation(),
        };
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(ShapeProperty, isBoolean ? "BooleanProperty" : "CallbackProperty")
            .Add(OnWebApplicationProperty, "false");
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.DeveloperDiagnosticsInProduction, location, properties, "'" + typeName + "." + property.Name + "'"));
    }

    /// <summary><c>bool</c> or <c>bool?</c> (SignalR's <c>HubOptions.EnableDetailedErrors</c> is nullable).</summary>
    private static bool IsBoolean(ITypeSymbol type)
        => type.SpecialType == SpecialType.System_Boolean
            || (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                && nullable.TypeArguments[0].SpecialType == SpecialType.System_Boolean);
}
