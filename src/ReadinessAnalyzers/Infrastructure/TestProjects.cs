using System;
using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>Whether a compilation is a test project: it references xunit, NUnit, MSTest or TUnit. Every rule with an
/// <c>analyze_test_projects</c> option asks here.</summary>
internal static class TestProjects
{
    private static readonly string[] TestFrameworkAssemblies =
    [
        "xunit.core", "xunit.assert", "xunit.v3.core", "xunit.v3.assert", "nunit.framework", "MSTest.TestFramework",
        "Microsoft.VisualStudio.TestPlatform.TestFramework", "TUnit.Core", "TUnit.Assertions", "TUnit",
    ];

    public static bool IsTestProject(Compilation compilation)
    {
        foreach (var identity in compilation.ReferencedAssemblyNames)
        {
            foreach (var name in TestFrameworkAssemblies)
            {
                if (string.Equals(identity.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
