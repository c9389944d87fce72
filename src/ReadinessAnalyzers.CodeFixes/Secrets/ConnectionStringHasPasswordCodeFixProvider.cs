using System.Collections.Immutable;
using System.Composition;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ReadinessAnalyzers.CodeFixes.Infrastructure;

namespace ReadinessAnalyzers.CodeFixes.Secrets;

/// <summary>
/// RDY102: replaces a literal connection string with <c>configuration.GetConnectionString("Name")</c> when an
/// <c>IConfiguration</c> is in reach (a parameter, local, member, primary-constructor parameter or
/// <c>builder.Configuration</c>). The name comes from the database named in the string, else from the holder.
/// Not offered when no configuration is reachable: there is no conventional place to read a connection string from.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiagnosticIds.ConnectionStringHasPassword)), Shared]
public sealed class ConnectionStringHasPasswordCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "RDY102.ReadConnectionStringFromConfiguration";
    private const string ConfigurationNamespace = "Microsoft.Extensions.Configuration";

    private static readonly FixAllProvider FixAll = new ReplacementFixAllProvider(PlanAsync);

    private static readonly string[] DatabaseKeys = ["Database", "Initial Catalog", "InitialCatalog", "DataSource", "Data Source"];

    private static readonly string[] HolderSuffixes = ["Repository", "DbContext", "Context", "Store", "Service", "ConnectionString", "Connection"];

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ConnectionStringHasPassword);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
        => ReplacementFixes.RegisterAsync(context, PlanAsync, EquivalenceKey);

    internal static async Task<LiteralReplacement?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var target = LiteralReplacement.FindTarget(root, diagnostic);
        if (target is null || !LiteralReplacement.IsConstantString(model, target, cancellationToken))
        {
            return null;
        }

        var codeContext = CodeContext.Of(model, target, cancellationToken);
        if (codeContext.Kind == CodeContextKind.Unsupported)
        {
            return null;
        }

        var configuration = ConfigurationAccess.Find(model, target, cancellationToken);
        if (configuration is null
            || !await LiteralReplacement.CanDropConstAsync(document, model, codeContext, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var value = (string)model.GetConstantValue(target, cancellationToken).Value!;
        var name = ConnectionName(value, model, target, diagnostic, cancellationToken);

        var lookup = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, configuration, SyntaxFactory.IdentifierName("GetConnectionString")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name))))));
        var replacement = LiteralReplacement.GuardNullable(model, target, lookup, "Connection string '" + name + "' is not configured.", cancellationToken);
        var needsUsing = !ExtensionIsInScope(model, target.SpanStart);
        return new LiteralReplacement(
            target,
            replacement,
            "Read connection string '" + name + "' from configuration",
            codeContext,
            needsUsing ? ConfigurationNamespace : null);
    }

    private static bool ExtensionIsInScope(SemanticModel model, int position)
    {
        var configurationType = model.Compilation.GetTypeByMetadataName(ConfigurationAccess.ConfigurationTypeName);
        return configurationType is not null
            && !model.LookupSymbols(position, configurationType, "GetConnectionString", includeReducedExtensionMethods: true).IsEmpty;
    }

    private static string ConnectionName(string value, SemanticModel model, ExpressionSyntax target, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var database = DatabaseName(value);
        if (database is not null)
        {
            return database;
        }

        var containingType = model.GetEnclosingSymbol(target.SpanStart, cancellationToken)?.ContainingType;
        var holder = containingType?.Name;
        if (holder is not null && holder != "Program" && holder != "Startup")
        {
            foreach (var suffix in HolderSuffixes)
            {
                if (holder.Length > suffix.Length && holder.EndsWith(suffix, System.StringComparison.Ordinal))
                {
                    holder = holder.Substring(0, holder.Length - suffix.Length);
                    break;
                }
            }

            var words = ConfigurationNames.Words(holder);
            if (words.Count > 0)
            {
                return ConfigurationNames.Pascal(words);
            }
        }

        _ = diagnostic;
        return "Default";
    }

    /// <summary>The database named by an ADO.NET-style connection string, PascalCased; null when there is none.</summary>
    private static string? DatabaseName(string value)
    {
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = value };
            foreach (var key in DatabaseKeys)
            {
                if (builder.TryGetValue(key, out var raw) && raw is string text)
                {
                    // Data Source of SQLite is a file path: keep its file name without extension.
                    var name = System.IO.Path.GetFileNameWithoutExtension(text.Replace('\\', '/'));
                    var words = ConfigurationNames.Words(name);
                    var isServerName = key.EndsWith("Source", System.StringComparison.Ordinal) && text.IndexOf('.') < 0 && text.IndexOf('/') < 0;
                    if (words.Count > 0 && !isServerName)
                    {
                        return ConfigurationNames.Pascal(words);
                    }
                }
            }
        }
        catch (System.ArgumentException)
        {
            // Not a key/value connection string (a URI, say): fall back to the holder's name.
        }

        return null;
    }
}
