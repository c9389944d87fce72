using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis.Text;

namespace ReadinessAnalyzers.Security;

/// <summary>
/// RDY103: a server-certificate validation callback that accepts every certificate, assigned to
/// <c>HttpClientHandler.ServerCertificateCustomValidationCallback</c>, <c>SslClientAuthenticationOptions.RemoteCertificateValidationCallback</c>
/// (<c>SocketsHttpHandler.SslOptions</c>), <c>ServicePointManager.ServerCertificateValidationCallback</c>,
/// <c>HttpWebRequest.ServerCertificateCustomValidationCallback</c>, or passed to <c>new SslStream(...)</c>; or
/// <c>HttpClientHandler.DangerousAcceptAnyServerCertificateValidator</c> used as one. A callback accepts everything
/// when every <c>return</c> gives <c>true</c> or only checks a parameter for null (see <see cref="AcceptAllDelegates"/>).
/// Not reported: callbacks that look at the policy errors, the certificate (pinning) or the chain; code that only
/// runs in Development (<see cref="EnvironmentGuards.IsDevelopmentOnlyThroughEnclosingFunctions"/>); code behind an explicit opt-in setting whose name says it
/// disables certificate checks (<c>if (options.AcceptAnyServerCertificate)</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CertificateValidationDisabledAnalyzer : DiagnosticAnalyzer
{
    internal const string ShapeProperty = "Shape";

    private static readonly string[] CallbackProperties =
    [
        "ServerCertificateCustomValidationCallback", "RemoteCertificateValidationCallback", "ServerCertificateValidationCallback",
    ];

    private static readonly string[] OptInVerbs = ["insecure", "ignore", "ignored", "skip", "disable", "disabled", "allow", "accept", "trust", "bypass", "dangerous", "unsafe", "untrusted", "invalid", "any"];
    private static readonly string[] OptInObjects = ["cert", "certs", "certificate", "certificates", "ssl", "tls", "https", "validation", "signed"];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CertificateValidationDisabled);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var sslStream = start.Compilation.GetTypeByMetadataName("System.Net.Security.SslStream");
            var callbackType = start.Compilation.GetTypeByMetadataName("System.Net.Security.RemoteCertificateValidationCallback");
            start.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);
            if (sslStream is not null && callbackType is not null)
            {
                start.RegisterOperationAction(c => AnalyzeCreation(c, sslStream, callbackType), OperationKind.ObjectCreation);
            }
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context)
    {
        var assignment = (IAssignmentOperation)context.Operation;
        if (assignment is ICompoundAssignmentOperation { OperatorKind: not BinaryOperatorKind.Add }
            || assignment.Target is not IPropertyReferenceOperation { Property: { } property }
            || Array.IndexOf(CallbackProperties, property.Name) < 0
            || !IsSystemNet(property.ContainingType))
        {
            return;
        }

        if (!AcceptsEverything(assignment.Value, context.CancellationToken) || IsExempt(assignment, context.CancellationToken))
        {
            return;
        }

        var shape = assignment.Parent is IObjectOrCollectionInitializerOperation ? "Initializer" : "Assignment";
        Report(context, assignment.Value, "The '" + property.Name + "' callback", shape);
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, INamedTypeSymbol sslStream, INamedTypeSymbol callbackType)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!SymbolEqualityComparer.Default.Equals(creation.Type, sslStream))
        {
            return;
        }

        foreach (var argument in creation.Arguments)
        {
            if (SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, callbackType)
                && AcceptsEverything(argument.Value, context.CancellationToken)
                && !IsExempt(creation, context.CancellationToken))
            {
                Report(context, argument.Value, "The SslStream validation callback", "Argument");
            }
        }
    }

    private static bool AcceptsEverything(IOperation value, CancellationToken cancellationToken)
    {
        var unwrapped = AcceptAllDelegates.Unwrap(value);
        if (unwrapped is IPropertyReferenceOperation { Property.Name: "DangerousAcceptAnyServerCertificateValidator" })
        {
            return true;
        }

        return AcceptAllDelegates.AlwaysAccepts(value, cancellationToken);
    }

    private static bool IsExempt(IOperation operation, CancellationToken cancellationToken)
        => EnvironmentGuards.IsDevelopmentOnlyThroughEnclosingFunctions(operation, cancellationToken) || IsBehindOptInSetting(operation.Syntax);

    /// <summary><c>if (settings.AllowUntrustedCertificates) { ... }</c>: an explicit, named opt-in.</summary>
    private static bool IsBehindOptInSetting(SyntaxNode node)
    {
        for (var current = node; current.Parent is not null; current = current.Parent)
        {
            ExpressionSyntax? condition = current.Parent switch
            {
                IfStatementSyntax ifStatement when ifStatement.Statement == current => ifStatement.Condition,
                ConditionalExpressionSyntax conditional when conditional.WhenTrue == current => conditional.Condition,
                BinaryExpressionSyntax binary when binary.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.LogicalAndExpression) && binary.Right == current => binary.Left,
                _ => null,
            };

            if (condition is not null && MentionsOptIn(condition))
            {
                return true;
            }

            if (current.Parent is MemberDeclarationSyntax)
            {
                return false;
            }
        }

        return false;
    }

    private static bool MentionsOptIn(ExpressionSyntax condition)
    {
        bool verb = false, obj = false;
        foreach (var token in condition.DescendantTokens())
        {
            if (token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken))
            {
                var words = NameWords.Split(token.ValueText);
                verb |= NameWords.ContainsAny(words, OptInVerbs);
                obj |= NameWords.ContainsAny(words, OptInObjects);
            }
        }

        return verb && obj;
    }

    private static void Report(OperationAnalysisContext context, IOperation value, string what, string shape)
    {
        var syntax = value.Syntax;
        var location = syntax is AnonymousFunctionExpressionSyntax { Block: not null } lambda
            ? Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(lambda.SpanStart, HeaderEnd(lambda)))
            : syntax.GetLocation();
        var properties = ImmutableDictionary<string, string?>.Empty.Add(ShapeProperty, shape);
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.CertificateValidationDisabled, location, properties, what));
    }

    /// <summary>The end of a block lambda's header: <c>(sender, cert, chain, errors) =&gt;</c> or <c>delegate (...)</c>.</summary>
    private static int HeaderEnd(AnonymousFunctionExpressionSyntax lambda) => lambda switch
    {
        ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ArrowToken.Span.End,
        SimpleLambdaExpressionSyntax simple => simple.ArrowToken.Span.End,
        AnonymousMethodExpressionSyntax anonymous => anonymous.ParameterList?.Span.End ?? anonymous.DelegateKeyword.Span.End,
        _ => lambda.Span.End,
    };

    private static bool IsSystemNet(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace?.ToDisplayString();
        return ns is not null && (ns == "System.Net" || ns.StartsWith("System.Net.", StringComparison.Ordinal));
    }
}
