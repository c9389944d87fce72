using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers;

/// <summary>
/// Every <see cref="DiagnosticDescriptor"/> of the package, built by one factory so that help links, tags and
/// severities follow one policy. Messages never contain a secret's value.
/// </summary>
public static class Descriptors
{
    /// <summary>Where the rule pages live; a descriptor's help link is <c>{DocsBaseUrl}/{ID}.md</c>.</summary>
    public const string DocsBaseUrl = "https://github.com/readiness-analyzers/ReadinessAnalyzers/blob/main/docs/rules";

    /// <summary>Custom tag carried by every descriptor of the package.</summary>
    public const string PackageTag = "ReadinessAnalyzers";

    public static string HelpLink(string id) => DocsBaseUrl + "/" + id + ".md";

    public static readonly DiagnosticDescriptor HardcodedSecret = Create(
        DiagnosticIds.HardcodedSecret,
        title: "Hard-coded secret",
        messageFormat: "{0} holds {1}; load it from configuration or a secret store",
        category: Categories.Security,
        severity: DiagnosticSeverity.Warning,
        description: "A credential written in source code leaks through version control, build logs and package caches. "
            + "Read it from configuration, environment variables or a secret store instead.");

    public static readonly DiagnosticDescriptor ConnectionStringHasPassword = Create(
        DiagnosticIds.ConnectionStringHasPassword,
        title: "Connection string embeds a password",
        messageFormat: "This {0} connection string embeds a credential in its '{1}' entry; load it from configuration or a secret store",
        category: Categories.Security,
        severity: DiagnosticSeverity.Warning,
        description: "A connection string literal that carries a password or an access key leaks the credential with "
            + "the source code. Keep connection strings in configuration (user secrets, environment, a vault).");

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity severity,
        string description,
        params string[] extraTags)
    {
        // Built here rather than read from a static field: descriptors above initialize before later fields do.
        string[] defaultTags = [PackageTag];
        string[] tags = extraTags.Length == 0 ? defaultTags : Concat(defaultTags, extraTags);
        return new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLink(id),
            customTags: tags);
    }

    private static string[] Concat(string[] first, string[] second)
    {
        var result = new string[first.Length + second.Length];
        first.CopyTo(result, 0);
        second.CopyTo(result, first.Length);
        return result;
    }
}
