// Corpus: console, Debug and Trace output in a web API and its workers, next to the code that may write to the console.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Corpus.ConsoleOutput;

public sealed record Shipment(Guid Id, string Carrier, string TrackingNumber, decimal Weight);

[ApiController]
[Route("api/shipments")]
public sealed class ShipmentsController : ControllerBase
{
    private readonly ILogger<ShipmentsController> _logger;

    public ShipmentsController(ILogger<ShipmentsController> logger) => _logger = logger;

    [HttpPost]
    public IActionResult Create(Shipment shipment)
    {
        Console.WriteLine($"Creating shipment {shipment.Id} with {shipment.Carrier}"); // expect: RDY204
        _logger.LogInformation("Creating shipment {ShipmentId} with {Carrier}", shipment.Id, shipment.Carrier); // trap
        if (shipment.Weight > 30)
        {
            Console.Error.WriteLine("Shipment " + shipment.Id + " is over the weight limit"); // expect: RDY204
            return BadRequest();
        }

        Debug.WriteLine($"Weight {shipment.Weight} accepted"); // expect: RDY204
        return Accepted();
    }

    [HttpGet("{id:guid}")]
    public IActionResult Get(Guid id)
    {
        Trace.TraceInformation("Shipment {0} requested", id); // expect: RDY204
        Debug.Assert(id != Guid.Empty, "The route constraint rejects empty IDs"); // trap
        return Ok();
    }
}

public sealed class LabelPrinter(ILogger<LabelPrinter> logger)
{
    public async Task PrintAsync(Shipment shipment, Stream printer, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(printer, Encoding.ASCII);
        await writer.WriteLineAsync($"^XA^FO50,50^FD{shipment.TrackingNumber}^FS^XZ"); // trap
        await writer.FlushAsync(cancellationToken);
        await Console.Out.WriteLineAsync($"Label for {shipment.Id} printed"); // expect: RDY204
        logger.LogInformation("Label for {ShipmentId} printed", shipment.Id); // trap
    }

    public string Preview(Shipment shipment)
    {
        var text = new StringBuilder();
        text.AppendLine($"Carrier: {shipment.Carrier}"); // trap
        text.AppendLine($"Tracking: {shipment.TrackingNumber}"); // trap
        using var writer = new StringWriter(text);
        writer.WriteLine("--"); // trap
        return text.ToString();
    }
}

public sealed class CarrierPoller : BackgroundService
{
    private readonly IReadOnlyList<string> _carriers = ["dhl", "ups", "gls"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Console.WriteLine("Carrier poller started"); // expect: RDY204
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var carrier in _carriers)
            {
                try
                {
                    await PollAsync(carrier, stoppingToken);
                    Trace.WriteLine($"Polled {carrier}"); // expect: RDY204
                }
                catch (IOException ex)
                {
                    Console.Error.WriteLine($"Polling {carrier} failed: {ex.Message}"); // expect: RDY204
                    Trace.TraceError("Polling {0} failed", carrier); // expect: RDY204
                }
            }

            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
        }
    }

    private static Task PollAsync(string carrier, CancellationToken cancellationToken) => Task.Delay(carrier.Length, cancellationToken);
}

public static class TariffTable
{
    public static decimal Price(decimal weight)
    {
        var price = weight <= 5 ? 4.99m : 4.99m + (weight - 5) * 0.8m;
        Console.WriteLine("Price for " + weight + " kg: " + price); // expect: RDY204
        Debug.Print("Tariff lookup done"); // expect: RDY204
        return price;
    }
}

public sealed class ShipmentReport
{
    private readonly TextWriter _output;

    public ShipmentReport(TextWriter output) => _output = output;

    public void Write(IEnumerable<Shipment> shipments)
    {
        foreach (var shipment in shipments)
        {
            _output.WriteLine($"{shipment.Id};{shipment.Carrier};{shipment.Weight}"); // trap
        }

        Console.Out.Flush(); // trap
        Debug.WriteLineIf(_output == TextWriter.Null, "Report written to nowhere"); // expect: RDY204
    }
}

// A console logger provider writes to the console on purpose.
public sealed class PlainConsoleLoggerProvider : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new PlainConsoleLogger(categoryName);

    public void Dispose()
    {
    }

    private sealed class PlainConsoleLogger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var color = Console.ForegroundColor;
            Console.ForegroundColor = logLevel >= LogLevel.Error ? ConsoleColor.Red : color;
            Console.WriteLine($"{logLevel,-11} {category}: {formatter(state, exception)}"); // trap
            Console.ForegroundColor = color;
        }
    }
}

// The entry point of the service: start-up output before the host exists is the command-line front end.
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--version")
        {
            Console.WriteLine(typeof(Program).Assembly.GetName().Version); // trap
            return 0;
        }

        Console.WriteLine("Starting the shipments service"); // trap
        using var host = Host.CreateDefaultBuilder(args).Build();
        Console.WriteLine("Host built, starting"); // expect: RDY204
        try
        {
            await host.RunAsync();
            return 0;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"The host stopped unexpectedly: {ex}"); // trap
            return 1;
        }
    }

    private static void PrintUsage() => Console.WriteLine("usage: shipments [--version]"); // trap

    public static string? AskForCarrier()
    {
        Console.Write("Carrier: "); // trap
        Console.WriteLine(); // trap
        return Console.ReadLine(); // trap
    }
}
