using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.Cancellation;

/// <summary>
/// Request endpoints whose signature can take a token (RDY402): controller actions, Razor page handlers and minimal-API
/// handlers. Hub methods and gRPC service methods are not among them: a hub has <c>Context.ConnectionAborted</c> and a
/// gRPC method its <c>ServerCallContext</c>, which RDY401 forwards; overrides and interface implementations cannot
/// change their signature and are left alone.
/// </summary>
internal static class Endpoints
{
    private static readonly string[] HttpVerbs = ["Get", "Post", "Put", "Delete", "Patch", "Head", "Options"];

    /// <summary>A <c>Map*</c> extension of <c>EndpointRouteBuilderExtensions</c> receiving the handler delegate.</summary>
    public static bool IsMapMethod(IMethodSymbol method, IParameterSymbol parameter, CancellationTypes types)
        => types.EndpointRouteBuilderExtensions is not null
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.EndpointRouteBuilderExtensions)
            && parameter.Type is { Name: "Delegate", ContainingNamespace.Name: "System" };

    /// <summary>"action 'OrdersController.Get'", "Razor page handler 'IndexModel.OnGetAsync'", or null when the method is neither.</summary>
    public static string? DescribeMethodEndpoint(IMethodSymbol method, CancellationTypes types)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.IsAbstract || method.IsOverride || method.IsGenericMethod
            || method.DeclaredAccessibility != Accessibility.Public || !method.ExplicitInterfaceImplementations.IsEmpty)
        {
            return null;
        }

        var type = method.ContainingType;
        if (type is null || type.IsAbstract || type.IsGenericType || type.DeclaredAccessibility != Accessibility.Public)
        {
            return null;
        }

        string kind;
        if (IsController(type, types))
        {
            if (HasAttribute(method, types.NonActionAttribute))
            {
                return null;
            }

            kind = "action";
        }
        else if (types.PageModel is not null && TypeSymbols.DerivesFrom(type, types.PageModel) && IsPageHandlerName(method.Name))
        {
            kind = "Razor page handler";
        }
        else
        {
            return null;
        }

        return ImplementsInterfaceMember(method) ? null : kind + " '" + type.Name + "." + method.Name + "'";
    }

    /// <summary>
    /// Whether the member is a controller action or page handler that RDY402 reports: no token parameter and no use
    /// of <c>RequestAborted</c>. RDY401 then leaves its <c>HttpContext.RequestAborted</c> candidate to RDY402.
    /// </summary>
    public static bool LacksToken(ISymbol member, CancellationTypes types)
    {
        if (member is not IMethodSymbol method || DescribeMethodEndpoint(method, types) is null || HasTokenParameter(method.Parameters, types))
        {
            return false;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax().ToString().IndexOf("RequestAborted", StringComparison.Ordinal) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    public static bool HasTokenParameter(System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters, CancellationTypes types)
    {
        foreach (var parameter in parameters)
        {
            if (types.IsToken(parameter.Type) || types.IsNullableToken(parameter.Type) || types.IsTokenSource(parameter.Type)
                || (parameter.Type.TypeKind is TypeKind.Class or TypeKind.Interface or TypeKind.Struct && types.TokenPropertyOf(parameter.Type) is not null))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The calls in a handler body that can take a token and get none (awaitable calls with a token slot, and
    /// <c>await foreach</c> without <c>WithCancellation</c>), outside nested functions that have a token of their own or
    /// are detached (<c>Task.Run</c>). Empty when the body reads <c>RequestAborted</c>.
    /// </summary>
    public static List<IOperation> TokenlessCalls(IOperation body, CancellationTypes types)
    {
        var result = new List<IOperation>();
        Collect(body, types, result);
        return result;
    }

    private static void Collect(IOperation operation, CancellationTypes types, List<IOperation> result)
    {
        foreach (var child in operation.ChildOperations)
        {
            switch (child)
            {
                case IAnonymousFunctionOperation lambda when HasTokenParameter(lambda.Symbol.Parameters, types) || TokenScope.IsDetachedOrHandler(lambda, types):
                    continue;
                case ILocalFunctionOperation:
                    continue;
                case IInvocationOperation invocation when NeedsToken(invocation, types) && !TokenScope.InCancellationCatch(invocation):
                    result.Add(invocation);
                    break;
                case IForEachLoopOperation loop when NeedsWithCancellation(loop, types):
                    result.Add(loop);
                    break;
            }

            Collect(child, types, result);
        }
    }

    /// <summary>An awaitable call with a token slot that was given no token.</summary>
    public static bool NeedsToken(IInvocationOperation invocation, CancellationTypes types)
    {
        var slot = types.SlotOf(invocation.TargetMethod);
        if (!slot.Exists)
        {
            return false;
        }

        if (slot.OptionalParameter is { } optional)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == optional.Ordinal)
                {
                    return argument.ArgumentKind == ArgumentKind.DefaultValue;
                }
            }

            return false;
        }

        return true;
    }

    /// <summary>An <c>await foreach</c> over an <c>IAsyncEnumerable</c> whose producer takes no token.</summary>
    public static bool NeedsWithCancellation(IForEachLoopOperation loop, CancellationTypes types)
    {
        if (!loop.IsAsynchronous)
        {
            return false;
        }

        var collection = loop.Collection;
        while (collection is IConversionOperation { IsImplicit: true } conversion)
        {
            collection = conversion.Operand;
        }

        if (!types.IsAsyncEnumerable(collection.Type))
        {
            return false;
        }

        if (collection is IInvocationOperation producer)
        {
            foreach (var parameter in producer.TargetMethod.Parameters)
            {
                if (types.IsToken(parameter.Type))
                {
                    return false;
                }
            }
        }

        return true;
    }

    public static bool IsController(INamedTypeSymbol type, CancellationTypes types)
    {
        if (HasAttribute(type, types.NonControllerAttribute))
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, types.ControllerBase))
            {
                return true;
            }

            foreach (var attribute in current.GetAttributes())
            {
                if (TypeSymbols.DerivesFrom(attribute.AttributeClass, types.ControllerAttribute))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsPageHandlerName(string name)
    {
        if (!name.StartsWith("On", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var verb in HttpVerbs)
        {
            if (string.CompareOrdinal(name, 2, verb, 0, verb.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (TypeSymbols.DerivesFrom(attribute.AttributeClass, attributeType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ImplementsInterfaceMember(IMethodSymbol method)
    {
        foreach (var contract in method.ContainingType.AllInterfaces)
        {
            foreach (var member in contract.GetMembers(method.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The syntax node a method-group handler's body can be read from, when declared in the same tree.</summary>
    public static SyntaxNode? Declaration(IMethodSymbol method, SyntaxTree tree)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == tree && reference.GetSyntax() is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax)
            {
                return reference.GetSyntax();
            }
        }

        return null;
    }
}
