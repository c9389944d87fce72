using System.Threading.Tasks;
using ReadinessAnalyzers.Tests.Corpora;
using ReadinessAnalyzers.Tests.Verifiers;
using Xunit.Abstractions;

namespace ReadinessAnalyzers.Tests.Tracing;

/// <summary>
/// Precision and recall of the tracing rules over the labelled corpus in <c>Tracing/Corpus</c> (RDY301, RDY302, RDY303 and
/// RDY306 have labels there; RDY304 and RDY305 are about applications and the corpus is a library, so their unit tests measure them),
/// compiled against ASP.NET Core 8 + Confluent.Kafka + RabbitMQ.Client 6 + OpenTelemetry. Conventions and figures: <see cref="LabelledCorpus"/>.
/// </summary>
public sealed class TracingCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public Task Corpus_PrecisionAndRecall_MeetTheBar()
        => LabelledCorpus.VerifyAsync(
            new CorpusSpec(
                "Tracing corpus",
                "TracingCorpus/",
                LabelledCorpus.AnalyzersIn("ReadinessAnalyzers.Tracing"),
                ReferenceSets.AspNetCore80WithMessaging,
                MinFindings: 25,
                MinTraps: 20),
            output);
}
