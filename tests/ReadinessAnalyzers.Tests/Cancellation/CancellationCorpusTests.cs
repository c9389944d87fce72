using System.Threading.Tasks;
using ReadinessAnalyzers.Tests.Corpora;
using ReadinessAnalyzers.Tests.Verifiers;
using Xunit.Abstractions;

namespace ReadinessAnalyzers.Tests.Cancellation;

/// <summary>
/// Precision and recall of the cancellation rules (RDY401-RDY404) over the labelled corpus in <c>Cancellation/Corpus</c>:
/// controllers, Razor pages, minimal APIs, EF Core repositories, typed clients, middleware, hubs and hosted services,
/// compiled against ASP.NET Core 8 and EF Core 8. Conventions and figures: <see cref="LabelledCorpus"/>.
/// </summary>
public sealed class CancellationCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public Task Corpus_PrecisionAndRecall_MeetTheBar()
        => LabelledCorpus.VerifyAsync(
            new CorpusSpec(
                "Cancellation corpus",
                "CancellationCorpus/",
                LabelledCorpus.AnalyzersIn("ReadinessAnalyzers.Cancellation"),
                ReferenceSets.AspNetCore80,
                MinFindings: 50,
                MinTraps: 40,
                AdditionalReferences: ReferenceSets.EntityFrameworkCore),
            output);
}
