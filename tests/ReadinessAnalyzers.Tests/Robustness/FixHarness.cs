using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace ReadinessAnalyzers.Tests.Robustness;

/// <summary>Applies code fixes outside the testing library's verifier, the way an IDE or dotnet format would.</summary>
internal static class FixHarness
{
    public static Project CreateProject(IEnumerable<(string Name, string Text)> files)
    {
        var workspace = new AdhocWorkspace();
        var references = RobustnessInputs.ReferencesAsync().GetAwaiter().GetResult();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "FixTarget",
                "FixTarget",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: RobustnessInputs.ParseOptions,
                metadataReferences: references));
        foreach (var (name, text) in files)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), System.IO.Path.GetFileName(name), SourceText.From(text), filePath: name);
        }

        return solution.GetProject(projectId)!;
    }

    public static Document CreateDocument(string text, string name) => CreateProject([(name, text)]).Documents.Single();

    public static async Task<ImmutableArray<CodeAction>> ActionsAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic)
    {
        // Re-anchor the diagnostic on this document's tree (the analysis ran on its own compilation).
        var tree = await document.GetSyntaxTreeAsync();
        var located = Diagnostic.Create(diagnostic.Descriptor, Location.Create(tree!, diagnostic.Location.SourceSpan), diagnostic.Properties);
        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        var context = new CodeFixContext(document, located, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return actions.ToImmutable();
    }

    /// <summary>Applies an action and returns the changed document (or the document with <paramref name="id"/>).</summary>
    public static async Task<Document?> ApplyAsync(CodeAction action, DocumentId? id = null)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var apply = operations.OfType<ApplyChangesOperation>().FirstOrDefault();
        if (apply is null)
        {
            return null;
        }

        return id is null ? apply.ChangedSolution.Projects.SelectMany(p => p.Documents).FirstOrDefault() : apply.ChangedSolution.GetDocument(id);
    }

    public static async Task<HashSet<string>> ErrorsAsync(Document document)
        => await ErrorsAsync(document.Project);

    public static async Task<HashSet<string>> ErrorsAsync(Project project)
    {
        var compilation = await project.GetCompilationAsync();
        // Compared by ID and message, not position: a fix moves text.
        return compilation!.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
            .ToHashSet();
    }

    public static List<string> Comments(SyntaxNode? root)
        => root is null
            ? []
            : root.DescendantTrivia(descendIntoTrivia: true)
                .Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia))
                .Select(t => t.ToString().Trim())
                .ToList();

    /// <summary>A Fix All diagnostic provider over a fixed set of diagnostics.</summary>
    public sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return diagnostics
                .Where(d => d.Location.SourceTree?.FilePath == tree!.FilePath)
                .Select(d => Diagnostic.Create(d.Descriptor, Location.Create(tree!, d.Location.SourceSpan), d.Properties));
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
