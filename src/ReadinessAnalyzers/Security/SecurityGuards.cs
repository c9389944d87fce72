using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.Security;

/// <summary>Environment guards as the security rules see them.</summary>
internal static class SecurityGuards
{
    /// <summary>
    /// True when the operation only runs in a non-production environment, either by a guard in its own body
    /// (<see cref="EnvironmentGuards.IsDevelopmentOnly"/>) or by a guard around the configuration lambda that holds
    /// it: <c>if (env.IsDevelopment()) services.AddSignalR(o =&gt; o.EnableDetailedErrors = true);</c>. Options and
    /// handler-factory lambdas run in the same process and environment as the code that registers them, so the guard
    /// around the registration holds for the lambda too.
    /// </summary>
    public static bool IsDevelopmentOnly(IOperation operation, CancellationToken cancellationToken)
    {
        var current = operation;
        for (int depth = 0; depth < 8; depth++)
        {
            if (EnvironmentGuards.IsDevelopmentOnly(current, cancellationToken))
            {
                return true;
            }

            var lambda = EnclosingLambda(current);
            if (lambda is null)
            {
                return false;
            }

            current = lambda;
        }

        return false;
    }

    private static IOperation? EnclosingLambda(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation lambda:
                    // The delegate creation is what the surrounding code sees.
                    return lambda.Parent is IDelegateCreationOperation creation ? creation : lambda;
                case ILocalFunctionOperation:
                case IMethodBodyBaseOperation:
                    return null;
            }
        }

        return null;
    }
}
