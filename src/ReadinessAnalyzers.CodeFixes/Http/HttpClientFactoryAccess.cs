using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ReadinessAnalyzers.CodeFixes.Infrastructure;

namespace ReadinessAnalyzers.CodeFixes.Http;

/// <summary>
/// Finds an <c>IHttpClientFactory</c> that compiles as a plain identifier at a position, in the order of
/// <see cref="ConfigurationAccess"/>: a parameter or local declared before the position (the nearest wins), then a
/// field or property of the type, then a primary-constructor parameter. No instance member from a static context,
/// no outer local from a static lambda, no name hidden by another symbol.
/// </summary>
internal static class HttpClientFactoryAccess
{
    public const string FactoryTypeName = "System.Net.Http.IHttpClientFactory";

    public static IdentifierNameSyntax? Find(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
        => ConfigurationAccess.Find(model, node, FactoryTypeName, holderProperty: null, executableOnly: true, cancellationToken) as IdentifierNameSyntax;
}
