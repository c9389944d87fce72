using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.Http;

/// <summary>
/// RDY601: <c>new HttpClient(...)</c> created where it runs once per request, message, call or loop iteration, and not
/// kept for reuse: controller, Razor page, hub, gRPC and message-handler members, minimal-API and middleware lambdas,
/// scoped/transient factory lambdas, loop bodies and parallel/LINQ lambdas, and instance methods of any other class.
/// Not reported: static storage, instance-field storage outside per-request types (a singleton's constructor), a
/// value returned to the caller, lazy and cached holders, singleton registrations, static methods (Main, top-level
/// statements, helpers) outside loops, hosted-service entry points, clients over a shared handler.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HttpClientCreatedPerCallAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Set when the creation is <c>new HttpClient()</c> with no arguments and no initializer values.</summary>
    internal const string ParameterlessProperty = "Parameterless";

    private static readonly string[] RequestPipelineMethods = ["Map", "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "MapFallback", "Use", "Run", "UseWhen", "MapWhen"];
    private static readonly string[] IterationMethods = ["For", "ForEach", "ForEachAsync", "Select", "SelectMany", "Where", "Aggregate", "WhenAll"];
    private static readonly string[] PerScopeMethods = ["AddScoped", "AddTransient", "TryAddScoped", "TryAddTransient", "AddKeyedScoped", "AddKeyedTransient", "TryAddKeyedScoped", "TryAddKeyedTransient"];
    private static readonly string[] OnceMethods = ["AddSingleton", "TryAddSingleton", "AddKeyedSingleton", "TryAddKeyedSingleton", "GetOrAdd", "GetOrCreate", "GetOrCreateAsync", "EnsureInitialized", "AddOrUpdate"];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HttpClientCreatedPerCall);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = HttpClientTypes.Create(start.Compilation);
            if (types is null)
            {
                return;
            }

            var isTestProject = TestProjects.IsTestProject(start.Compilation);
            start.RegisterOperationAction(c => Analyze(c, types, isTestProject), OperationKind.ObjectCreation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, HttpClientTypes types, bool isTestProject)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!types.IsHttpClient(creation.Type) || creation.Constructor is null)
        {
            return;
        }

        if (isTestProject && !RuleOptions.For(context.Options, creation.Syntax.SyntaxTree, DiagnosticIds.HttpClientCreatedPerCall).GetBool("analyze_test_projects", false))
        {
            return;
        }

        if (UsesSharedHandler(creation, types))
        {
            return;
        }

        var where = Classify(creation, context.ContainingSymbol, types, context.CancellationToken);
        if (where is null)
        {
            return;
        }

        var location = creation.Syntax switch
        {
            ObjectCreationExpressionSyntax explicitCreation => explicitCreation.Type.GetLocation(),
            ImplicitObjectCreationExpressionSyntax implicitCreation => implicitCreation.NewKeyword.GetLocation(),
            _ => creation.Syntax.GetLocation(),
        };

        var properties = ImmutableDictionary<string, string?>.Empty;
        if (creation.Arguments.Length == 0 && (creation.Initializer is null || creation.Initializer.Initializers.Length == 0))
        {
            properties = properties.Add(ParameterlessProperty, "true");
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.HttpClientCreatedPerCall, location, properties, where));
    }

    /// <summary>
    /// <c>new HttpClient(handler, ...)</c> over a handler that lives elsewhere (a field, a parameter, a DI service) is
    /// cheap and pools connections through that handler: that is what IHttpClientFactory does. A handler created in the
    /// same expression, or in a local initialised with <c>new</c> in the same body, is per call.
    /// </summary>
    private static bool UsesSharedHandler(IObjectCreationOperation creation, HttpClientTypes types)
    {
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is null || !types.IsMessageHandler(argument.Parameter.Type))
            {
                continue;
            }

            var value = Unwrap(argument.Value);
            switch (value)
            {
                case IObjectCreationOperation:
                    return false;
                case ILocalReferenceOperation local:
                    return !IsInitialisedWithNew(local.Local, creation);
                default:
                    return true;
            }
        }

        return false;
    }

    private static bool IsInitialisedWithNew(ILocalSymbol local, IOperation creation)
    {
        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer })
            {
                var value = initializer;
                while (value is ParenthesizedExpressionSyntax parenthesized)
                {
                    value = parenthesized.Expression;
                }

                if (value is BaseObjectCreationExpressionSyntax && reference.SyntaxTree == creation.Syntax.SyntaxTree)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }

    /// <summary>Describes how often the creation runs ("on every ..."), or null when it is not per call.</summary>
    private static string? Classify(IObjectCreationOperation creation, ISymbol containingSymbol, HttpClientTypes types, CancellationToken cancellationToken)
    {
        var perRequestType = types.PerRequestKind(containingSymbol.ContainingType);

        // 1. Where does the new client go?
        IOperation current = creation;
        var parent = current.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            current = parent;
            parent = parent.Parent;
        }

        switch (parent)
        {
            case IFieldInitializerOperation field:
                return field.InitializedFields.Length == 0 || field.InitializedFields[0].IsStatic ? null : PerRequestMember(perRequestType, containingSymbol);

            case IPropertyInitializerOperation property:
                return property.InitializedProperties.Length == 0 || property.InitializedProperties[0].IsStatic ? null : PerRequestMember(perRequestType, containingSymbol);

            case IAssignmentOperation assignment when ReferenceEquals(assignment.Value, current):
                switch (assignment.Target)
                {
                    case IFieldReferenceOperation { Field: var targetField }:
                        return targetField.IsStatic ? null : PerRequestMember(perRequestType, containingSymbol);
                    case IPropertyReferenceOperation { Property: { IsIndexer: false } targetProperty }:
                        return targetProperty.IsStatic ? null : PerRequestMember(perRequestType, containingSymbol);
                    case ILocalReferenceOperation:
                        break;
                    default:
                        // A dictionary or cache slot keeps the client for reuse.
                        return null;
                }

                break;

            case IReturnOperation when FindEnclosingLambda(creation) is null:
                // A factory helper: what the caller does with the client decides, and the caller is not visible here.
                return null;

            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                switch (LocalEscape(declarator.Symbol, creation, cancellationToken))
                {
                    case Escape.Returned:
                    case Escape.StoredStatic:
                        return null;
                    case Escape.StoredInstance:
                        return PerRequestMember(perRequestType, containingSymbol);
                }

                break;

            case IArgumentOperation argument when argument.Parameter?.ContainingSymbol is IMethodSymbol { } target
                && (Array.IndexOf(OnceMethods, target.Name) >= 0 || IsLazy(target.ContainingType)):
                return null;
        }

        // 2. How often does the code around it run?
        for (var ancestor = creation.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (ancestor)
            {
                case ILoopOperation loop when IsInLoopBody(loop, creation):
                    return "on every loop iteration";

                case IAnonymousFunctionOperation lambda:
                    var consumer = LambdaConsumer(lambda);
                    if (consumer is null)
                    {
                        break;
                    }

                    if (Array.IndexOf(OnceMethods, consumer.Name) >= 0 || IsLazy(consumer.ContainingType))
                    {
                        return null;
                    }

                    if (Array.IndexOf(PerScopeMethods, consumer.Name) >= 0)
                    {
                        return "on every resolution of a scoped or transient service";
                    }

                    if (Array.IndexOf(RequestPipelineMethods, consumer.Name) >= 0 && IsAspNetCore(consumer.ContainingType))
                    {
                        return consumer.Name.StartsWith("Map", StringComparison.Ordinal) && consumer.Name != "MapWhen"
                            ? "on every request to a minimal-API handler"
                            : "on every request in a middleware";
                    }

                    if (Array.IndexOf(IterationMethods, consumer.Name) >= 0 && consumer.ContainingType.Name is "Parallel" or "Enumerable" or "ParallelEnumerable" or "List" or "Task")
                    {
                        return "on every iteration of " + consumer.ContainingType.Name + "." + consumer.Name;
                    }

                    break;
            }
        }

        // 3. What member is it in?
        var member = containingSymbol as IMethodSymbol;
        if (member is null)
        {
            return null;
        }

        if (member.IsStatic)
        {
            return IsFunctionEntryPoint(member) ? "on every invocation of function '" + member.Name + "'" : null;
        }

        if (member.MethodKind is MethodKind.Constructor or MethodKind.Destructor)
        {
            return PerRequestMember(perRequestType, containingSymbol);
        }

        if (perRequestType is not null)
        {
            return PerRequestMember(perRequestType, containingSymbol);
        }

        if (types.RunsOncePerHost(member))
        {
            return null;
        }

        if (types.IsMiddlewareInvoke(member))
        {
            return "on every request in middleware '" + Name(member) + "'";
        }

        return "on every call of '" + Name(member) + "'";
    }

    private enum Escape
    {
        None,
        Returned,
        StoredStatic,
        StoredInstance,
    }

    /// <summary>
    /// Whether the local that holds the new client is later returned (a factory helper: the caller decides) or stored
    /// in a field or property (<c>var client = new HttpClient(); client.Timeout = ...; _client = client;</c>).
    /// </summary>
    private static Escape LocalEscape(ILocalSymbol local, IOperation creation, CancellationToken cancellationToken)
    {
        var root = creation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        var lambda = FindEnclosingLambda(creation);
        foreach (var operation in root.Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IReturnOperation { ReturnedValue: { } returned } when IsLocal(returned, local) && ReferenceEquals(FindEnclosingLambda(operation), lambda):
                    return Escape.Returned;
                case IAssignmentOperation { Target: IFieldReferenceOperation { Field: var field } } assignment when IsLocal(assignment.Value, local):
                    return field.IsStatic ? Escape.StoredStatic : Escape.StoredInstance;
                case IAssignmentOperation { Target: IPropertyReferenceOperation { Property: { IsIndexer: false } property } } assignment when IsLocal(assignment.Value, local):
                    return property.IsStatic ? Escape.StoredStatic : Escape.StoredInstance;
            }
        }

        return Escape.None;
    }

    private static bool IsLocal(IOperation value, ILocalSymbol local)
        => Unwrap(value) is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);

    private static string? PerRequestMember(string? perRequestType, ISymbol member)
    {
        switch (perRequestType)
        {
            case null:
                return null;
            case "message handler":
                return "on every message in handler '" + Name(member) + "'";
            case "gRPC service":
            case "SignalR hub":
                return "on every call to " + perRequestType + " '" + Name(member) + "'";
            default:
                return "on every request in " + perRequestType + " '" + Name(member) + "'";
        }
    }

    private static string Name(ISymbol member)
    {
        if (member is IMethodSymbol { AssociatedSymbol: { } associated })
        {
            member = associated;
        }

        var type = member.ContainingType;
        if (type is null)
        {
            return member.Name;
        }

        return member is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } ? type.Name : type.Name + "." + member.Name;
    }

    private static bool IsInLoopBody(ILoopOperation loop, IOperation creation)
    {
        // The collection of a foreach and the initial part of a for run once.
        return loop.Body is { } body && body.Syntax.Span.Contains(creation.Syntax.Span)
            || loop is IWhileLoopOperation { Condition: { } condition } && condition.Syntax.Span.Contains(creation.Syntax.Span)
            || loop is IForLoopOperation forLoop && ContainsAny(forLoop.AtLoopBottom, creation);
    }

    private static bool ContainsAny(ImmutableArray<IOperation> operations, IOperation creation)
    {
        foreach (var operation in operations)
        {
            if (operation.Syntax.Span.Contains(creation.Syntax.Span))
            {
                return true;
            }
        }

        return false;
    }

    private static IAnonymousFunctionOperation? FindEnclosingLambda(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda)
            {
                return lambda;
            }
        }

        return null;
    }

    /// <summary>The method or constructor that receives the lambda as an argument, if any.</summary>
    private static IMethodSymbol? LambdaConsumer(IAnonymousFunctionOperation lambda)
    {
        IOperation current = lambda;
        var parent = lambda.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation)
        {
            current = parent;
            parent = parent.Parent;
        }

        return parent is IArgumentOperation { Parameter.ContainingSymbol: IMethodSymbol method } ? method : null;
    }

    private static bool IsLazy(INamedTypeSymbol? type)
        => type is { Name: "Lazy" or "LazyInitializer" or "AsyncLazy", ContainingNamespace: { } ns } && (ns.Name is "System" or "Threading" || type.Name == "AsyncLazy");

    private static bool IsAspNetCore(INamedTypeSymbol type)
    {
        for (var ns = type.ContainingNamespace; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
        {
            if (ns.Name == "AspNetCore" && ns.ContainingNamespace is { Name: "Microsoft" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Azure Functions (isolated <c>[Function]</c>, in-process <c>[FunctionName]</c>) run once per trigger.</summary>
    private static bool IsFunctionEntryPoint(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass?.Name is "FunctionAttribute" or "FunctionNameAttribute")
            {
                return true;
            }
        }

        return false;
    }
}
