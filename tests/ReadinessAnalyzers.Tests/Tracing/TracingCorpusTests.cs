using System.Threading.Tasks;
using ReadinessAnalyzers.Tests.Corpora;
using ReadinessAnalyzers.Tests.Verifiers;
using Xunit.Abstractions;

namespace ReadinessAnalyzers.Tests.Tracing;

/// <summary>
/// Precision and recall of the tracing rules (RDY301, RDY302, RDY306) over the labelled corpus in <c>Tracing/Corpus</c>,
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
