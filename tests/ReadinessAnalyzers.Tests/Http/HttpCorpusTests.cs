using System.Threading.Tasks;
using ReadinessAnalyzers.Tests.Corpora;
using ReadinessAnalyzers.Tests.Verifiers;
using Xunit.Abstractions;

namespace ReadinessAnalyzers.Tests.Http;

/// <summary>
/// Precision and recall of the HTTP client rules (RDY601) over the labelled corpus in <c>Http/Corpus</c>. Conventions and figures: <see cref="LabelledCorpus"/>.
/// </summary>
public sealed class HttpCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public Task Corpus_PrecisionAndRecall_MeetTheBar()
        => LabelledCorpus.VerifyAsync(
            new CorpusSpec(
                "HTTP client corpus",
                "HttpCorpus/",
                LabelledCorpus.AnalyzersIn("ReadinessAnalyzers.Http"),
                ReferenceSets.AspNetCore80,
                MinFindings: 20,
                MinTraps: 15),
            output);
}
