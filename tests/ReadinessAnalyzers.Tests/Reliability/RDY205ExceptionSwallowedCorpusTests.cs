using System.Threading.Tasks;
using ReadinessAnalyzers.Tests.Corpora;
using ReadinessAnalyzers.Tests.Verifiers;
using Xunit.Abstractions;

namespace ReadinessAnalyzers.Tests.Reliability;

/// <summary>
/// Precision and recall of RDY205 over the labelled corpus in <c>Reliability/Corpus</c>; labels sit on the line of
/// the <c>catch</c> keyword. Conventions and figures: <see cref="LabelledCorpus"/>.
/// </summary>
public sealed class RDY205ExceptionSwallowedCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public Task Corpus_PrecisionAndRecall_MeetTheBar()
        => LabelledCorpus.VerifyAsync(
            new CorpusSpec(
                "Reliability corpus (RDY205)",
                "ReliabilityCorpus/",
                LabelledCorpus.AnalyzersIn("ReadinessAnalyzers.Reliability"),
                ReferenceSets.AspNetCore80,
                MinFindings: 20,
                MinTraps: 20),
            output);
}
