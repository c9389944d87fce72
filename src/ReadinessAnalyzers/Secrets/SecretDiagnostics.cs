using System.Collections.Immutable;

namespace ReadinessAnalyzers.Secrets;

/// <summary>
/// The diagnostic properties of RDY101 and RDY102, read by the code fixes. Keys are part of the contract:
/// <c>Target</c> (the symbol, parameter or key name that receives the value; absent when unknown), <c>Kind</c> (a
/// stable kind id such as <c>stripe-live-key</c>, <c>password</c>, <c>high-entropy</c>, or for RDY102 the provider id
/// such as <c>sqlserver</c>, <c>mongodb-uri</c>) and, for RDY102, <c>Key</c> (the entry that holds the credential).
/// </summary>
internal static class SecretDiagnostics
{
    public const string TargetProperty = "Target";
    public const string KindProperty = "Kind";
    public const string KeyProperty = "Key";

    public static ImmutableDictionary<string, string?> Properties(string? target, string kind, string? key = null)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        if (target is not null)
        {
            builder.Add(TargetProperty, target);
        }

        builder.Add(KindProperty, kind);
        if (key is not null)
        {
            builder.Add(KeyProperty, key);
        }

        return builder.ToImmutable();
    }
}
