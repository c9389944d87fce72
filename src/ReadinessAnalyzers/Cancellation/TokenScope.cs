using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Cancellation;

/// <summary>
/// The tokens a call can reach, best first: token parameters of the enclosing lambdas, local functions and method (the
/// nearest first; <c>CancellationToken?</c> included), then locals and linked sources declared before the call, then
/// tokens carried by parameters (token sources, <c>HttpContext.RequestAborted</c>, context objects such as gRPC's
/// <c>ServerCallContext</c>), then the request's <c>HttpContext.RequestAborted</c> of a controller or page (or a hub's
/// <c>Context.ConnectionAborted</c>), then token fields and properties of the type (and <c>IHttpContextAccessor</c>). The search stops at static lambdas and local functions, at minimal-API
/// handlers, and at work handed to <c>Task.Run</c>, <c>Task.Factory.StartNew</c>, <c>ThreadPool</c> or a new thread:
/// an outer token must not cancel work that was detached from it.
/// </summary>
internal static class TokenScope
{
    private static readonly string[] DetachingMethods = ["Run", "StartNew", "QueueUserWorkItem", "UnsafeQueueUserWorkItem"];

    public static List<string> Candidates(IOperation operation, ISymbol containingSymbol, CancellationTypes types)
    {
        var parameters = new List<string>();
        var derived = new List<string>();
        var locals = new List<string>();
        var position = operation.Syntax.SpanStart;
        var instanceAllowed = !containingSymbol.IsStatic;
        var outerAllowed = true;

        for (var current = operation.Parent; current is not null && outerAllowed; current = current.Parent)
        {
            switch (current)
            {
                case IBlockOperation block:
                    AddLocals(block.Locals, position, types, locals);
                    break;
                case IUsingOperation usingOperation:
                    AddLocals(usingOperation.Locals, position, types, locals);
                    break;
                case ILoopOperation loop:
                    AddLocals(loop.Locals, position, types, locals);
                    break;
                case IAnonymousFunctionOperation lambda:
                    AddParameters(lambda.Symbol.Parameters, types, parameters, derived);

                    // A static lambda cannot capture; detached work and request handlers must not take an outer token.
                    outerAllowed = !lambda.Symbol.IsStatic && !IsDetachedOrHandler(lambda, types);
                    break;
                case ILocalFunctionOperation localFunction:
                    AddParameters(localFunction.Symbol.Parameters, types, parameters, derived);
                    outerAllowed = !localFunction.Symbol.IsStatic;

                    break;
            }
        }

        if (outerAllowed && containingSymbol is IMethodSymbol method)
        {
            AddParameters(method.Parameters, types, parameters, derived);
        }

        var result = new List<string>(parameters.Count + locals.Count + 2);
        AddDistinct(result, parameters);
        AddDistinct(result, locals);
        AddDistinct(result, derived);

        if (outerAllowed && containingSymbol.ContainingType is { } type)
        {
            foreach (var member in types.TokenMembersOf(type))
            {
                if ((instanceAllowed || member.IsStatic) && !(member.IsFrameworkHttpContext && Endpoints.LacksToken(containingSymbol, types)))
                {
                    AddDistinct(result, member.Expression);
                }
            }
        }

        return result;
    }

    /// <summary>Whether the operation sits in a catch clause for a cancellation, where forwarding the cancelled token would throw again.</summary>
    public static bool InCancellationCatch(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is ICatchClauseOperation { ExceptionType.Name: "OperationCanceledException" or "TaskCanceledException" })
            {
                return true;
            }

            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>A lambda passed to Task.Run, StartNew, ThreadPool or a new Thread, or to a minimal-API Map* method.</summary>
    public static bool IsDetachedOrHandler(IAnonymousFunctionOperation lambda, CancellationTypes types)
    {
        IOperation current = lambda;
        var parent = lambda.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation)
        {
            current = parent;
            parent = parent.Parent;
        }

        if (parent is not IArgumentOperation { Parameter: { } parameter })
        {
            return false;
        }

        if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor, ContainingType.Name: "Thread" })
        {
            return true;
        }

        if (parameter.ContainingSymbol is not IMethodSymbol target)
        {
            return false;
        }

        if (Array.IndexOf(DetachingMethods, target.Name) >= 0 && target.ContainingType?.Name is "Task" or "TaskFactory" or "ThreadPool")
        {
            return true;
        }

        return Endpoints.IsMapMethod(target, parameter, types);
    }

    private static void AddLocals(System.Collections.Immutable.ImmutableArray<ILocalSymbol> symbols, int position, CancellationTypes types, List<string> into)
    {
        // Nearest scope first; within a scope, the latest declaration before the call first.
        for (var i = symbols.Length - 1; i >= 0; i--)
        {
            var local = symbols[i];
            if (local.DeclaringSyntaxReferences.Length == 0 || local.DeclaringSyntaxReferences[0].Span.Start >= position)
            {
                continue;
            }

            if (types.IsToken(local.Type))
            {
                into.Add(local.Name);
            }
            else if (types.IsTokenSource(local.Type))
            {
                into.Add(local.Name + ".Token");
            }
        }
    }

    private static void AddParameters(System.Collections.Immutable.ImmutableArray<IParameterSymbol> symbols, CancellationTypes types, List<string> into, List<string> derived)
    {
        foreach (var parameter in symbols)
        {
            if (parameter.Name.Length == 0 || parameter.Name == "_" || parameter.RefKind == RefKind.Out)
            {
                continue;
            }

            if (types.IsToken(parameter.Type))
            {
                into.Add(parameter.Name);
            }
            else if (types.IsNullableToken(parameter.Type))
            {
                into.Add(parameter.Name + ".GetValueOrDefault()");
            }
            else if (types.IsTokenSource(parameter.Type))
            {
                derived.Add(parameter.Name + ".Token");
            }
            else if (parameter.Type.TypeKind is TypeKind.Class or TypeKind.Interface or TypeKind.Struct && types.TokenPropertyOf(parameter.Type) is { } property)
            {
                derived.Add(parameter.Name + "." + property.Name);
            }
        }
    }

    private static void AddDistinct(List<string> into, List<string> items)
    {
        foreach (var item in items)
        {
            AddDistinct(into, item);
        }
    }

    private static void AddDistinct(List<string> into, string item)
    {
        if (!into.Contains(item))
        {
            into.Add(item);
        }
    }

    /// <summary>The identifier to report on for a call: the method name.</summary>
    public static Location NameLocation(SyntaxNode syntax)
    {
        if (syntax is InvocationExpressionSyntax invocation)
        {
            switch (invocation.Expression)
            {
                case MemberAccessExpressionSyntax memberAccess:
                    return memberAccess.Name.GetLocation();
                case MemberBindingExpressionSyntax binding:
                    return binding.Name.GetLocation();
                case SimpleNameSyntax name:
                    return name.GetLocation();
            }
        }

        return syntax.GetLocation();
    }

    /// <summary>Whether the syntax is inside an expression-bodied lambda converted to an expression tree.</summary>
    public static bool InExpressionTree(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation && current.Parent is IConversionOperation { Type: INamedTypeSymbol { Name: "Expression" } })
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsAwaitForEach(SyntaxNode syntax) => syntax is ForEachStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword };
}
