using System.Threading.Tasks;
using ReadinessAnalyzers.Tests.Corpora;
using ReadinessAnalyzers.Tests.Verifiers;
using Xunit.Abstractions;

namespace ReadinessAnalyzers.Tests.Logging;

/// <summary>
/// Precision and recall of the logging rules over the labelled corpus in <c>Logging/Corpus</c>: realistic MEL and
/// Serilog code, run through every analyzer of the <c>ReadinessAnalyzers.Logging</c> namespace. Conventions and figures: <see cref="LabelledCorpus"/>.
/// </summary>
public sealed class LoggingCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public Task Corpus_PrecisionAndRecall_MeetTheBar()
        => LabelledCorpus.VerifyAsync(
            new CorpusSpec(
                "Logging corpus",
                "LoggingCorpus/",
                LabelledCorpus.AnalyzersIn("ReadinessAnalyzers.Logging"),
                ReferenceSets.AspNetCore80WithSerilog,
                MinFindings: 60,
                MinTraps: 50),
            output);
}
