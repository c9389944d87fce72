using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.CodeFixes.Infrastructure;
using ReadinessAnalyzers.Logging;

namespace ReadinessAnalyzers.CodeFixes.Logging;

/// <summary>
/// RDY204: replaces a console, Debug or Trace write with a structured log call. The text becomes a constant template
/// with named placeholders (the RDY201 logic: <see cref="TemplateSegments"/>, <see cref="LogTemplateBuilder"/>); the
/// level is Information for standard output and Trace, Error for <c>Console.Error</c> and <c>Trace.TraceError</c>,
/// Warning for <c>Trace.TraceWarning</c>, Debug for <c>Debug.*</c>.
/// <para>
/// The logger: a Microsoft.Extensions.Logging <c>ILogger</c> in reach (local, parameter, field, property,
/// primary-constructor parameter, or the <c>Logger</c> property of a value in reach such as <c>app.Logger</c>), else a
/// <c>Serilog.ILogger</c> in reach; else <c>ILogger&lt;TContainingType&gt;</c> is injected: as a new parameter of the
/// primary constructor, or as a <c>_logger</c> field assigned from a new parameter of the only constructor (or of a
/// new constructor when there is none). <c>using Microsoft.Extensions.Logging;</c> is added when needed.
/// </para>
/// <para>
/// Not offered: <c>WriteIf</c>/<c>WriteLineIf</c>, Debug/Trace category overloads, <c>char[]</c> overloads, an
/// exception written as text (RDY202's business), an awaited <c>*Async</c> write that is not a statement of its own;
/// injection into static contexts, structs, records, interfaces, partial classes, top-level statements, a class with
/// several constructors, a constructor that chains to <c>this(...)</c> or has optional or <c>params</c> parameters, a
/// class that is instantiated with <c>new</c>, derived from, or used as a type argument anywhere in the solution (a
/// new required constructor parameter would break those).
/// </para>
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiagnosticIds.ConsoleUsedForLogging)), Shared]
public sealed class ConsoleUsedForLoggingCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "RDY204.UseLogger";
    private const string LoggingNamespace = "Microsoft.Extensions.Logging";
    private const string FieldName = "_logger";
    private const string ParameterName = "logger";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ConsoleUsedForLogging);

    public override FixAllProvider GetFixAllProvider() => new ConsoleFixAllProvider();

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var plan = Plan(root, model, diagnostic, context.CancellationToken);
            if (plan is null || (plan.Injection is { } injection && !await CanInjectAsync(context.Document, model, injection, context.CancellationToken).ConfigureAwait(false)))
            {
                continue;
            }

            var title = plan.Injection is null
                ? "Log through '" + plan.Receiver + "' with a message template"
                : "Inject " + plan.Injection.LoggerType + " and log through it";
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => ApplyAsync(document, ImmutableArray.Create(diagnostic), ct), EquivalenceKey),
                diagnostic);
        }
    }

    private sealed class ConsoleFixAllProvider : DocumentBasedFixAllProvider
    {
        protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
            => await ApplyAsync(document, diagnostics, fixAllContext.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>A type that receives an <c>ILogger&lt;T&gt;</c>.</summary>
    private sealed class Injection
    {
        public Injection(TypeDeclarationSyntax declaration, INamedTypeSymbol type, string loggerType, bool primaryConstructor)
        {
            Declaration = declaration;
            Type = type;
            LoggerType = loggerType;
            PrimaryConstructor = primaryConstructor;
        }

        public TypeDeclarationSyntax Declaration { get; }

        public INamedTypeSymbol Type { get; }

        /// <summary>"ILogger&lt;OrderService&gt;".</summary>
        public string LoggerType { get; }

        public bool PrimaryConstructor { get; }
    }

    /// <summary>One write to replace: the node, the log call to put there (receiver filled in later), and how to reach a logger.</summary>
    private sealed class ConsolePlan
    {
        public ConsolePlan(ExpressionSyntax target, string method, BuiltTemplate template, string receiver, Injection? injection, bool needsUsing)
        {
            Target = target;
            Method = method;
            Template = template;
            Receiver = receiver;
            Injection = injection;
            NeedsUsing = needsUsing;
        }

        public ExpressionSyntax Target { get; }

        public string Method { get; }

        public BuiltTemplate Template { get; }

        /// <summary>The logger expression text: <c>logger</c>, <c>_logger</c>, <c>app.Logger</c>.</summary>
        public string Receiver { get; }

        public Injection? Injection { get; }

        public bool NeedsUsing { get; }

        public ExpressionSyntax Replacement()
        {
            var arguments = new List<ArgumentSyntax> { SyntaxFactory.Argument(LogCallSyntax.TemplateLiteral(Template.Template)) };
            foreach (var value in Template.Arguments)
            {
                arguments.Add(SyntaxFactory.Argument(value));
            }

            var separators = Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space), arguments.Count - 1);
            return SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        SyntaxFactory.ParseExpression(Receiver),
                        SyntaxFactory.IdentifierName(Method)),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments, separators)))
                .WithTriviaFrom(Target);
        }
    }

    private static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var plans = new List<ConsolePlan>();
        var injections = new Dictionary<TypeDeclarationSyntax, Injection>();
        var rejected = new HashSet<TypeDeclarationSyntax>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            var plan = Plan(root, model, diagnostic, cancellationToken);
            if (plan is null)
            {
                continue;
            }

            if (plan.Injection is { } injection && !injections.ContainsKey(injection.Declaration))
            {
                if (rejected.Contains(injection.Declaration))
                {
                    continue;
                }

                if (!await CanInjectAsync(document, model, injection, cancellationToken).ConfigureAwait(false))
                {
                    rejected.Add(injection.Declaration);
                    continue;
                }

                injections.Add(injection.Declaration, injection);
            }

            plans.Add(plan);
        }

        if (plans.Count == 0)
        {
            return document;
        }

        var editor = new SyntaxEditor(root, document.Project.Solution.Services);
        foreach (var plan in plans)
        {
            editor.ReplaceNode(plan.Target, plan.Replacement());
        }

        foreach (var injection in injections.Values)
        {
            editor.ReplaceNode(injection.Declaration, (current, _) => Inject((TypeDeclarationSyntax)current, injection));
        }

        var newRoot = editor.GetChangedRoot();
        if (plans.Any(p => p.NeedsUsing) && newRoot is CompilationUnitSyntax unit)
        {
            newRoot = UsingDirectives.Add(unit, new[] { LoggingNamespace }, document.Project);
        }

        return document.WithSyntaxRoot(newRoot);
    }

    private static ConsolePlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(ConsoleOutput.TargetProperty, out var targetText)
            || !Enum.TryParse<ConsoleTarget>(targetText, out var target))
        {
            return null;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation
            || invocation.Expression.Span != diagnostic.Location.SourceSpan && !invocation.Expression.Span.Contains(diagnostic.Location.SourceSpan)
            || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
        {
            return null;
        }

        var method = operation.TargetMethod;
        if (method.Name is not ("Write" or "WriteLine" or "Print" or "TraceInformation" or "TraceWarning" or "TraceError" or "WriteAsync" or "WriteLineAsync"))
        {
            return null;
        }

        var replaced = ReplacedNode(invocation, method.Name.EndsWith("Async", StringComparison.Ordinal));
        var segments = replaced is null ? null : ReadText(invocation, operation, model, cancellationToken);
        if (replaced is null || segments is null || HasExceptionValue(segments, model, cancellationToken))
        {
            return null;
        }

        var compilation = model.Compilation;
        var melLogger = compilation.GetTypeByMetadataName(LoggingNamespace + ".ILogger");
        var receiver = ConfigurationAccess.Find(model, invocation, LoggingNamespace + ".ILogger", "Logger", executableOnly: true, cancellationToken);
        var api = LogApi.MicrosoftExtensionsLogging;
        Injection? injection = null;
        if (receiver is null && ConfigurationAccess.Find(model, invocation, "Serilog.ILogger", holderProperty: null, executableOnly: true, cancellationToken) is { } serilog)
        {
            receiver = serilog;
            api = LogApi.Serilog;
        }

        if (receiver is null)
        {
            injection = InjectionFor(model, invocation, cancellationToken);
            if (injection is null)
            {
                return null;
            }

            receiver = SyntaxFactory.IdentifierName(injection.PrimaryConstructor ? ParameterName : FieldName);
        }

        var built = LogTemplateBuilder.Build(segments, Array.Empty<ExpressionSyntax>(), api, model);
        if (built is null)
        {
            return null;
        }

        var logMethod = MethodFor(target, api);
        var needsUsing = api == LogApi.MicrosoftExtensionsLogging
            && (melLogger is null
                || model.LookupSymbols(invocation.SpanStart, container: melLogger, name: logMethod, includeReducedExtensionMethods: true).IsEmpty);
        return new ConsolePlan(replaced, logMethod, built, receiver.ToString(), injection, needsUsing);
    }

    private static string MethodFor(ConsoleTarget target, LogApi api)
    {
        var level = target switch
        {
            ConsoleTarget.StandardError or ConsoleTarget.TraceError => "Error",
            ConsoleTarget.TraceWarning => "Warning",
            ConsoleTarget.Debug => "Debug",
            _ => "Information",
        };
        return api == LogApi.Serilog ? level : "Log" + level;
    }

    /// <summary>The node the log call replaces: the write itself, or <c>await Console.Out.WriteLineAsync(...)</c> as a statement.</summary>
    private static ExpressionSyntax? ReplacedNode(InvocationExpressionSyntax invocation, bool isAsync)
    {
        if (!isAsync)
        {
            return invocation.Parent is ExpressionStatementSyntax or ArrowExpressionClauseSyntax or LambdaExpressionSyntax ? invocation : null;
        }

        return invocation.Parent is AwaitExpressionSyntax { Parent: ExpressionStatementSyntax } awaitExpression ? awaitExpression : null;
    }

    /// <summary>The written text as segments: one value (<c>WriteLine(text)</c>) or a composite format with its values.</summary>
    private static List<TemplateSegment>? ReadText(InvocationExpressionSyntax invocation, IInvocationOperation operation, SemanticModel model, CancellationToken cancellationToken)
    {
        var arguments = invocation.ArgumentList.Arguments;
        foreach (var argument in arguments)
        {
            if (argument.NameColon is not null || !argument.RefKindKeyword.IsKind(SyntaxKind.None))
            {
                return null;
            }
        }

        var parameters = operation.TargetMethod.Parameters;
        var segments = new List<TemplateSegment>();
        if (arguments.Count == 1 && parameters.Length == 1)
        {
            var type = parameters[0].Type;
            if (type.TypeKind == TypeKind.Array || type.SpecialType is not (SpecialType.System_String or SpecialType.System_Object) && type.IsRefLikeType)
            {
                return null;
            }

            return TemplateSegments.TryRead(arguments[0].Expression, model, segments, cancellationToken) ? segments : null;
        }

        if (arguments.Count < 2 || parameters.Length < 2
            || parameters[0].Name != "format"
            || parameters[0].Type.SpecialType != SpecialType.System_String
            || model.GetConstantValue(arguments[0].Expression, cancellationToken) is not { HasValue: true, Value: string format })
        {
            return null;
        }

        foreach (var argument in operation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { IsImplicit: false })
            {
                return null;
            }
        }

        var values = new List<ExpressionSyntax>();
        for (var i = 1; i < arguments.Count; i++)
        {
            values.Add(arguments[i].Expression);
        }

        return TemplateSegments.TryReadComposite(format, values, segments) ? segments : null;
    }

    private static bool HasExceptionValue(List<TemplateSegment> segments, SemanticModel model, CancellationToken cancellationToken)
    {
        var exception = model.Compilation.GetTypeByMetadataName("System.Exception");
        foreach (var segment in segments)
        {
            if (segment.Value is null)
            {
                continue;
            }

            for (var type = model.GetTypeInfo(segment.Value, cancellationToken).Type; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type, exception))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The class that would receive an injected logger, when the write is in an instance member of one.</summary>
    private static Injection? InjectionFor(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        var loggerOfT = model.Compilation.GetTypeByMetadataName(LoggingNamespace + ".ILogger`1");
        var context = CodeContext.Of(model, invocation, cancellationToken);
        if (loggerOfT is null || context.Kind != CodeContextKind.Executable || context.IsStatic)
        {
            return null;
        }

        var declaration = invocation.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (declaration is not ClassDeclarationSyntax
            || declaration.Modifiers.Any(SyntaxKind.StaticKeyword)
            || declaration.Modifiers.Any(SyntaxKind.PartialKeyword)
            || model.GetDeclaredSymbol(declaration, cancellationToken) is not { } type
            || type.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var loggerType = "ILogger<" + type.ToMinimalDisplayString(model, declaration.OpenBraceToken.SpanStart) + ">";
        return new Injection(declaration, type, loggerType, declaration.ParameterList is not null);
    }

    /// <summary>True when adding a required constructor parameter breaks nothing that compiles today.</summary>
    private static async Task<bool> CanInjectAsync(Document document, SemanticModel model, Injection injection, CancellationToken cancellationToken)
    {
        var declaration = injection.Declaration;
        var type = injection.Type;
        if (!type.GetMembers(ParameterName).IsEmpty || !type.GetMembers(FieldName).IsEmpty)
        {
            return false;
        }

        var position = declaration.OpenBraceToken.Span.End;
        if (!model.LookupSymbols(position, name: FieldName).IsEmpty)
        {
            return false;
        }

        var constructors = declaration.Members.OfType<ConstructorDeclarationSyntax>().Where(c => !c.Modifiers.Any(SyntaxKind.StaticKeyword)).ToList();
        if (injection.PrimaryConstructor)
        {
            if (constructors.Count > 0 || declaration.ParameterList!.Parameters.Any(p => p.Identifier.ValueText == ParameterName || p.Default is not null || p.Modifiers.Any(SyntaxKind.ParamsKeyword)))
            {
                return false;
            }
        }
        else
        {
            if (constructors.Count > 1)
            {
                return false;
            }

            if (constructors.Count == 1)
            {
                var constructor = constructors[0];
                if (constructor.Initializer is { } initializer && initializer.IsKind(SyntaxKind.ThisConstructorInitializer)
                    || (constructor.Body is null && constructor.ExpressionBody is null)
                    || constructor.ParameterList.Parameters.Any(p => p.Identifier.ValueText == ParameterName || p.Default is not null || p.Modifiers.Any(SyntaxKind.ParamsKeyword)))
                {
                    return false;
                }
            }
        }

        var solution = document.Project.Solution;
        if (!type.IsSealed && type.TypeKind == TypeKind.Class)
        {
            var derived = await SymbolFinder.FindDerivedClassesAsync(type, solution, transitive: false, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (derived.Any())
            {
                return false;
            }
        }

        foreach (var constructor in type.InstanceConstructors)
        {
            var references = await SymbolFinder.FindReferencesAsync(constructor, solution, cancellationToken).ConfigureAwait(false);
            if (references.Any(r => r.Locations.Any()))
            {
                return false;
            }
        }

        // A type argument may meet a new() constraint that a required parameter would break.
        var typeReferences = await SymbolFinder.FindReferencesAsync(type, solution, cancellationToken).ConfigureAwait(false);
        foreach (var reference in typeReferences)
        {
            foreach (var location in reference.Locations)
            {
                var referenceRoot = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var referenceNode = referenceRoot?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                if (referenceNode?.FirstAncestorOrSelf<TypeArgumentListSyntax>() is not null
                    || referenceNode?.FirstAncestorOrSelf<TypeOfExpressionSyntax>() is not null)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static TypeDeclarationSyntax Inject(TypeDeclarationSyntax declaration, Injection injection)
    {
        var newLine = NewLine(declaration);
        var loggerType = SyntaxFactory.ParseTypeName(injection.LoggerType);
        var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(ParameterName)).WithType(loggerType.WithTrailingTrivia(SyntaxFactory.Space));
        if (injection.PrimaryConstructor)
        {
            return declaration.WithParameterList(AddParameter(declaration.ParameterList!, parameter));
        }

        var field = SyntaxFactory.ParseMemberDeclaration("private readonly " + injection.LoggerType + " " + FieldName + ";" + newLine)!
            .WithAdditionalAnnotations(Formatter.Annotation);
        var assignment = SyntaxFactory.ParseStatement(FieldName + " = " + ParameterName + ";").WithAdditionalAnnotations(Formatter.Annotation);
        var members = declaration.Members;
        var constructor = members.OfType<ConstructorDeclarationSyntax>().FirstOrDefault(c => !c.Modifiers.Any(SyntaxKind.StaticKeyword));
        if (constructor is not null)
        {
            var newConstructor = constructor.WithParameterList(AddParameter(constructor.ParameterList, parameter));
            if (newConstructor.Body is { } body)
            {
                newConstructor = newConstructor.WithBody(body.AddStatements(assignment));
            }
            else if (newConstructor.ExpressionBody is { } expressionBody)
            {
                newConstructor = newConstructor
                    .WithExpressionBody(null)
                    .WithSemicolonToken(default)
                    .WithParameterList(newConstructor.ParameterList.WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed))
                    .WithBody(SyntaxFactory.Block(SyntaxFactory.ExpressionStatement(expressionBody.Expression.WithoutTrivia()), assignment)
                        .WithTrailingTrivia(newConstructor.SemicolonToken.TrailingTrivia)
                        .WithAdditionalAnnotations(Formatter.Annotation));
            }

            members = members.Replace(constructor, newConstructor);
            return declaration.WithMembers(members.Insert(FieldIndex(members), field));
        }

        var name = declaration.Identifier.ValueText;
        var newConstructorText = "public " + name + "(" + injection.LoggerType + " " + ParameterName + ")" + newLine
            + "{" + newLine + FieldName + " = " + ParameterName + ";" + newLine + "}" + newLine;
        var created = SyntaxFactory.ParseMemberDeclaration(newConstructorText)!
            .WithLeadingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed)
            .WithAdditionalAnnotations(Formatter.Annotation);
        var index = FieldIndex(members);
        if (index < members.Count && !members[index].GetLeadingTrivia().Any(SyntaxKind.EndOfLineTrivia))
        {
            // The member that follows the new constructor keeps a blank line above it.
            members = members.Replace(members[index], members[index].WithLeadingTrivia(members[index].GetLeadingTrivia().Insert(0, SyntaxFactory.EndOfLine(newLine))));
        }

        members = members.Insert(index, field).Insert(index + 1, created);
        return declaration.WithMembers(members);
    }

    /// <summary>The end-of-line the type already uses.</summary>
    private static string NewLine(SyntaxNode node)
    {
        foreach (var trivia in node.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia.ToString();
            }
        }

        return "\n";
    }

    /// <summary>After the last field, or first.</summary>
    private static int FieldIndex(SyntaxList<MemberDeclarationSyntax> members)
    {
        var index = 0;
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i] is FieldDeclarationSyntax)
            {
                index = i + 1;
            }
        }

        return index;
    }

    private static ParameterListSyntax AddParameter(ParameterListSyntax list, ParameterSyntax parameter)
    {
        var parameters = list.Parameters;
        if (parameters.Count == 0)
        {
            return list.WithParameters(SyntaxFactory.SingletonSeparatedList(parameter));
        }

        var nodes = new List<ParameterSyntax>(parameters);
        var separators = new List<SyntaxToken>(parameters.GetSeparators());
        var last = nodes[nodes.Count - 1];
        nodes[nodes.Count - 1] = last.WithoutTrailingTrivia();
        separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
        nodes.Add(parameter.WithTrailingTrivia(last.GetTrailingTrivia()));
        return list.WithParameters(SyntaxFactory.SeparatedList(nodes, separators));
    }
}
