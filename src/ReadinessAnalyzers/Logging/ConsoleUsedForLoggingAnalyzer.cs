using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.Logging;

/// <summary>
/// RDY204: <c>Console.Write*</c>, <c>Console.Out/Error.Write*</c>, <c>Debug.Write*</c> or <c>Trace.Write*</c> in a
/// service. The policy:
/// <list type="bullet">
/// <item>A <b>service</b> is a compilation that references ASP.NET Core (<c>Microsoft.AspNetCore.Http.HttpContext</c>
/// resolves) or the generic host (<c>Microsoft.Extensions.Hosting.IHost</c> resolves). Every other compilation
/// (libraries, plain console tools) is left alone.</item>
/// <item><b>Entry point</b>: in a static <c>Main</c> or in top-level statements, writes are fine until the host is
/// built (a call returning <c>IHost</c>/<c>IWebHost</c>, such as <c>builder.Build()</c>, or <c>RunConsoleAsync</c>):
/// banners, argument errors and start-up failures have no logger yet. After it they are reported, except inside a
/// <c>catch</c> (the host crashed; the console is the last channel left). An entry point that never builds a host is a
/// command-line tool: it is not reported. The other static methods of the entry point's class (<c>Usage()</c>,
/// <c>Banner()</c>) belong to the same command-line front end and are not reported either.</item>
/// <item>Logger implementations (types implementing MEL <c>ILogger</c>/<c>ILoggerProvider</c> or Serilog
/// <c>ILogEventSink</c>) write to the console on purpose.</item>
/// <item>Test projects, unless <c>analyze_test_projects = true</c>.</item>
/// <item><c>Console.WriteLine()</c> without arguments writes only a line break and is not reported.</item>
/// </list>
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConsoleUsedForLoggingAnalyzer : DiagnosticAnalyzer
{
    internal const string AnalyzeTestProjectsOption = "analyze_test_projects";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ConsoleUsedForLogging);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var compilation = start.Compilation;
            var httpContext = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext");
            var host = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHost");
            var output = ConsoleOutput.Create(compilation);
            if ((httpContext is null && host is null) || output is null)
            {
                return;
            }

            var state = new State(
                output,
                host,
                compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Hosting.IWebHost"),
                compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHostBuilder"),
                ImmutableArray.Create(
                    compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger"),
                    compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILoggerProvider"),
                    compilation.GetTypeByMetadataName("Serilog.Core.ILogEventSink")),
                TestProjects.IsTestProject(compilation));
            start.RegisterOperationAction(c => Analyze(c, state), OperationKind.Invocation);
        });
    }

    private sealed class State
    {
        public State(ConsoleOutput output, INamedTypeSymbol? host, INamedTypeSymbol? webHost, INamedTypeSymbol? hostBuilder, ImmutableArray<INamedTypeSymbol?> loggerTypes, bool isTestProject)
        {
            Output = output;
            Host = host;
            WebHost = webHost;
            HostBuilder = hostBuilder;
            LoggerTypes = loggerTypes;
            IsTestProject = isTestProject;
        }

        public ConsoleOutput Output { get; }

        public INamedTypeSymbol? Host { get; }

        public INamedTypeSymbol? WebHost { get; }

        public INamedTypeSymbol? HostBuilder { get; }

        public ImmutableArray<INamedTypeSymbol?> LoggerTypes { get; }

        public bool IsTestProject { get; }
    }

    private static void Analyze(OperationAnalysisContext context, State state)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.Arguments.IsEmpty || state.Output.Classify(invocation) is not { } target)
        {
            return;
        }

        if (state.IsTestProject
            && !RuleOptions.For(context.Options, invocation.Syntax.SyntaxTree, DiagnosticIds.ConsoleUsedForLogging).GetBool(AnalyzeTestProjectsOption, false))
        {
            return;
        }

        var member = DeclaringMember(context.ContainingSymbol);
        if (IsInLoggerImplementation(member, state) || IsExemptEntryPointCode(invocation, member, state, context))
        {
            return;
        }

        // On the called member (Console.Error.WriteLine), not on the text.
        var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax callee }
            ? callee.GetLocation()
            : invocation.Syntax.GetLocation();
        var properties = ImmutableDictionary<string, string?>.Empty.Add(ConsoleOutput.TargetProperty, target.ToString());
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.ConsoleUsedForLogging,
            location,
            properties,
            Callee(invocation),
            ConsoleOutput.Describe(target)));
    }

    /// <summary>"Console.WriteLine", "Console.Error.WriteLine", "Debug.WriteLine" ...</summary>
    private static string Callee(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (LogOperations.Unwrap(invocation.Instance ?? invocation) is IPropertyReferenceOperation property)
        {
            return "Console." + property.Property.Name + "." + method.Name;
        }

        return method.ContainingType.Name + "." + method.Name;
    }

    private static bool IsInLoggerImplementation(ISymbol containingSymbol, State state)
    {
        for (var type = containingSymbol as INamedTypeSymbol ?? containingSymbol.ContainingType; type is not null; type = type.ContainingType)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                foreach (var loggerType in state.LoggerTypes)
                {
                    if (loggerType is not null && SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, loggerType))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The method, property or type that declares a lambda or local function.</summary>
    private static ISymbol DeclaringMember(ISymbol symbol)
    {
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction, ContainingSymbol: { } parent })
        {
            symbol = parent;
        }

        return symbol;
    }

    private static bool IsEntryPoint(ISymbol symbol)
        => symbol is IMethodSymbol { IsStatic: true, Name: "Main" or "<Main>$" };

    private static bool IsExemptEntryPointCode(IInvocationOperation invocation, ISymbol containingSymbol, State state, OperationAnalysisContext context)
    {
        if (IsEntryPoint(containingSymbol))
        {
            IOperation top = invocation;
            while (top.Parent is not null)
            {
                top = top.Parent;
            }

            var built = FirstHostBuild(top, state, context);
            if (built < 0 || invocation.Syntax.SpanStart < built)
            {
                return true;
            }

            // After the host is built: a catch there reports that the host failed, when no logger may be left.
            for (var current = invocation.Parent; current is not null; current = current.Parent)
            {
                if (current is ICatchClauseOperation)
                {
                    return true;
                }
            }

            return false;
        }

        // A static helper of the entry point's class (Usage(), Banner(), PrintResult()): the command-line front end.
        if (containingSymbol is IMethodSymbol { IsStatic: true, ContainingType: { } type })
        {
            foreach (var member in type.GetMembers("Main"))
            {
                if (IsEntryPoint(member))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The end of the first call that builds or runs a host in the entry point's body, or -1 when there is none.</summary>
    private static int FirstHostBuild(IOperation body, State state, OperationAnalysisContext context)
    {
        var first = -1;
        foreach (var operation in body.Descendants())
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (operation is not IInvocationOperation call)
            {
                continue;
            }

            var buildsHost = Implements(call.Type, state.Host) || Implements(call.Type, state.WebHost)
                || (call.TargetMethod.Name is "RunConsoleAsync" or "Run" or "RunAsync" or "Start" or "StartAsync"
                    && call.TargetMethod.Parameters.Length > 0
                    && call.TargetMethod.IsExtensionMethod
                    && Implements(call.TargetMethod.Parameters[0].Type, state.HostBuilder));
            if (buildsHost && (first < 0 || call.Syntax.Span.End < first))
            {
                first = call.Syntax.Span.End;
            }
        }

        return first;
    }

    private static bool Implements(ITypeSymbol? type, INamedTypeSymbol? target)
    {
        if (type is null || target is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type, target))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, target))
            {
                return true;
            }
        }

        return false;
    }
}
