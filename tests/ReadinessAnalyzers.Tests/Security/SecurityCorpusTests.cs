using System.Threading.Tasks;
using ReadinessAnalyzers.Tests.Corpora;
using ReadinessAnalyzers.Tests.Verifiers;
using Xunit.Abstractions;

namespace ReadinessAnalyzers.Tests.Security;

/// <summary>
/// Precision and recall of the security misconfiguration rules (RDY103-RDY107) over the labelled
/// corpus in <c>Security/Corpus</c>. Conventions and figures: <see cref="LabelledCorpus"/>.
/// </summary>
public sealed class SecurityCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public Task Corpus_PrecisionAndRecall_MeetTheBar()
        => LabelledCorpus.VerifyAsync(
            new CorpusSpec(
                "Security corpus",
                "SecurityCorpus/",
                LabelledCorpus.AnalyzersIn("ReadinessAnalyzers.Security"),
                ReferenceSets.AspNetCore80,
                MinFindings: 30,
                MinTraps: 25,
                AdditionalReferences: ReferenceSets.DataAccess),
            output);
}
