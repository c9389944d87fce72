using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Cancellation;

/// <summary>
/// RDY402: a controller action, Razor page handler or minimal-API handler (a lambda, or a method group declared in the
/// same file) that makes a call which accepts a token, but has no token parameter (nor a parameter carrying one, such
/// as <c>HttpContext</c> or an <c>[AsParameters]</c> type with a token property) and never reads <c>RequestAborted</c>.
/// Reported on the method name, the lambda's parameter list or the method group. Hubs, gRPC services, overrides and
/// interface implementations are not reported (see <see cref="Endpoints"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EndpointWithoutCancellationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.EndpointWithoutCancellation);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = CancellationTypes.Create(start.Compilation);
            if (types?.Task is null || types.HttpContext is null)
            {
                return;
            }

            if (types.ControllerBase is not null || types.ControllerAttribute is not null || types.PageModel is not null)
            {
                start.RegisterOperationBlockAction(c => AnalyzeMethod(c, types));
            }

            if (types.EndpointRouteBuilderExtensions is not null)
            {
                start.RegisterOperationAction(c => AnalyzeMapCall(c, types), OperationKind.Invocation);
            }
        });
    }

    private static void AnalyzeMethod(OperationBlockAnalysisContext context, CancellationTypes types)
    {
        if (context.OwningSymbol is not IMethodSymbol method
            || Endpoints.HasTokenParameter(method.Parameters, types)
            || Endpoints.DescribeMethodEndpoint(method, types) is not { } description
            || !Endpoints.LacksToken(method, types))
        {
            return;
        }

        foreach (var block in context.OperationBlocks)
        {
            var calls = Endpoints.TokenlessCalls(block, types);
            if (calls.Count > 0 && method.Locations.Length > 0)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.EndpointWithoutCancellation, method.Locations[0], description, CallName(calls)));
                return;
            }
        }
    }

    private static void AnalyzeMapCall(OperationAnalysisContext context, CancellationTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!invocation.TargetMethod.Name.StartsWith("Map", StringComparison.Ordinal))
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter || !Endpoints.IsMapMethod(invocation.TargetMethod, parameter, types))
            {
                continue;
            }

            var value = argument.Value;
            while (value is IConversionOperation or IDelegateCreationOperation)
            {
                value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
            }

            var description = invocation.TargetMethod.Name + " handler";
            switch (value)
            {
                case IAnonymousFunctionOperation lambda:
                    if (Endpoints.HasTokenParameter(lambda.Symbol.Parameters, types) || Mentions(lambda.Syntax, "RequestAborted"))
                    {
                        continue;
                    }

                    var lambdaCalls = Endpoints.TokenlessCalls(lambda.Body, types);
                    if (lambdaCalls.Count > 0)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.EndpointWithoutCancellation, LambdaLocation(lambda.Syntax), description, CallName(lambdaCalls)));
                    }

                    break;

                case IMethodReferenceOperation { Method: { } handler } reference:
                    if (Endpoints.HasTokenParameter(handler.Parameters, types)
                        || Endpoints.Declaration(handler, invocation.Syntax.SyntaxTree) is not { } declaration
                        || Mentions(declaration, "RequestAborted")
                        || BodyOperation(reference.SemanticModel, declaration, context.CancellationToken) is not { } body)
                    {
                        continue;
                    }

                    var handlerCalls = Endpoints.TokenlessCalls(body, types);
                    if (handlerCalls.Count > 0)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.EndpointWithoutCancellation, argument.Syntax.GetLocation(), description + " '" + handler.Name + "'", CallName(handlerCalls)));
                    }

                    break;
            }
        }
    }

    private static IOperation? BodyOperation(SemanticModel? model, SyntaxNode declaration, System.Threading.CancellationToken cancellationToken)
    {
        if (model is null)
        {
            return null;
        }

        return model.GetOperation(declaration, cancellationToken);
    }

    private static Location LambdaLocation(SyntaxNode lambda) => lambda switch
    {
        ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.GetLocation(),
        SimpleLambdaExpressionSyntax simple => simple.Parameter.GetLocation(),
        AnonymousMethodExpressionSyntax anonymous => anonymous.DelegateKeyword.GetLocation(),
        _ => lambda.GetLocation(),
    };

    private static bool Mentions(SyntaxNode node, string text) => node.ToString().IndexOf(text, StringComparison.Ordinal) >= 0;

    private static string CallName(List<IOperation> calls)
    {
        foreach (var call in calls)
        {
            if (call is IInvocationOperation invocation)
            {
                return invocation.TargetMethod.Name;
            }
        }

        return "GetAsyncEnumerator";
    }
}
