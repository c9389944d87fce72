// Corpus: look-alikes that are not logging calls, and templates from fields, properties and constants.
using System;
using Microsoft.Extensions.Logging;

namespace Corpus.Helpers;

public static class Messages
{
    public const string Started = "Service {Service} started";
    public static readonly string Stopped = "Service stopped";

    public static string Failed => "Service {Service} failed";
}

public sealed class ConsoleReporter
{
    public void LogInformation(string message) => Console.WriteLine(message); // expect: RDY204

    public void Information(string messageTemplate) => Console.WriteLine(messageTemplate); // expect: RDY204
}

public sealed class ServiceHost(ILogger<ServiceHost> logger, ConsoleReporter reporter)
{
    private readonly string _name = "orders";

    public void Start()
    {
        logger.LogInformation(Messages.Started, _name); // trap
        logger.LogInformation(Messages.Stopped); // trap
        logger.LogError(Messages.Failed, _name); // trap
        logger.LogInformation(Messages.Started); // expect: RDY203
        reporter.LogInformation($"Service {_name} started"); // trap
        reporter.Information($"Service {_name} started"); // trap
        Console.WriteLine($"Service {_name} started"); // expect: RDY204
        logger.LogInformation(nameof(ServiceHost) + " ready"); // trap
        logger.LogInformation($"{nameof(ServiceHost)} ready for {{Name}}", _name); // trap
        logger.LogInformation($"Service {this._name} ready"); // expect: RDY201
        logger.LogInformation("Service {Name} ready", this._name); // trap
        logger.LogInformation(string.Empty); // trap
    }

    public void Stop(TimeSpan uptime)
    {
        logger.LogWarning($"Stopping after {uptime}"); // expect: RDY201
        logger.LogWarning("Stopping {Service} after {Uptime}", uptime); // expect: RDY203
        logger.LogWarning("Stopping after {Uptime}", uptime); // trap
        logger.LogError(new EventId(5), $"Stop of {_name} timed out"); // expect: RDY201
        logger.LogError(new EventId(5), "Stop of {Service} timed out", _name); // trap
    }
}
