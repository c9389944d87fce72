// Corpus: RDY202, exceptions lost by log calls in catch clauses (MEL and Serilog), and the handlers that are fine.
using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;

namespace Corpus.ExceptionLogging;

public sealed record Invoice(int Id, string Customer, decimal Amount);

public sealed class InvoiceRepository(ILogger<InvoiceRepository> logger)
{
    private readonly Dictionary<int, Invoice> _store = new();

    public Invoice? Find(int id)
    {
        try
        {
            return _store[id];
        }
        catch (KeyNotFoundException ex)
        {
            logger.LogWarning("Invoice {InvoiceId} not found: {Error}", id, ex.Message); // expect: RDY202
            return null;
        }
    }

    public void Save(Invoice invoice)
    {
        try
        {
            _store.Add(invoice.Id, invoice);
        }
        catch (ArgumentException ex)
        {
            logger.LogError("Saving invoice {InvoiceId} failed", invoice.Id, ex); // expect: RDY202
        }
    }

    public void Delete(int id)
    {
        try
        {
            _store.Remove(id);
        }
        catch (Exception ex)
        {
            logger.LogError("Deleting invoice failed", ex); // expect: RDY202
        }
    }

    public bool TryArchive(int id)
    {
        try
        {
            File.Move($"invoices/{id}.json", $"archive/{id}.json");
            return true;
        }
        catch (IOException ex)
        {
            logger.LogError("Archiving invoice {InvoiceId} failed: {Details}", id, ex.ToString()); // expect: RDY202
            return false;
        }
    }

    public bool TryRestore(int id)
    {
        try
        {
            File.Move($"archive/{id}.json", $"invoices/{id}.json");
            return true;
        }
        catch (IOException)
        {
            logger.LogError("Restoring invoice {InvoiceId} failed", id); // expect: RDY202
            return false;
        }
    }

    public Invoice? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Invoice>(json);
        }
        catch (JsonException ex)
        {
            logger.LogWarning("Invalid invoice payload: {Reason}", ex.InnerException?.Message); // expect: RDY202
            return null;
        }
    }

    public Invoice? ParseStrict(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Invoice>(json);
        }
        catch (JsonException ex)
        {
            logger.LogError(ex, "Invalid invoice payload"); // trap
            logger.LogInformation("Payload was {Length} characters: {Error}", json.Length, ex.Message); // trap
            return null;
        }
    }

    public Invoice? ParseLenient(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Invoice>(json);
        }
        catch (JsonException)
        {
            logger.LogInformation("Invalid invoice payload, using the default"); // trap
            logger.LogDebug("Payload length {Length}", json.Length); // trap
            return null;
        }
    }

    public void Reindex()
    {
        try
        {
            _store.Clear();
        }
        catch (Exception ex)
        {
            logger.LogWarning("Reindex failed: {Error}", ex.Message); // trap
            throw;
        }
    }

    public void Compact()
    {
        try
        {
            _store.TrimExcess();
        }
        catch (InvalidOperationException ex)
        {
            logger.LogError("Compaction failed"); // trap
            throw new IOException("The invoice store could not be compacted", ex);
        }
    }

    public void Copy()
    {
        try
        {
            File.Copy("invoices.db", "invoices.bak");
        }
        catch (IOException ex)
        {
            logger.LogError("Backup failed"); // trap
            ExceptionDispatchInfo.Capture(ex).Throw();
        }
    }

    public void Migrate()
    {
        try
        {
            File.Copy("invoices.db", "invoices.v2.db");
        }
        catch (IOException)
        {
            logger.LogError("Migration failed"); // expect: RDY202
            throw new InvalidOperationException("Migration failed");
        }
    }
}

[ApiController]
[Route("invoices")]
public sealed class InvoicesController(InvoiceRepository repository, ILogger<InvoicesController> logger) : ControllerBase
{
    [HttpPost("{id:int}/send")]
    public async Task<IActionResult> Send(int id, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(10, cancellationToken);
            return Ok(repository.Find(id));
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Sending invoice {InvoiceId} was cancelled", id); // trap
            return StatusCode(499);
        }
        catch (HttpRequestException ex) when (ex.StatusCode is not null)
        {
            logger.LogError("Mail gateway returned {Status}: {Error}", ex.StatusCode, ex.Message); // expect: RDY202
            return StatusCode(502);
        }
        catch (HttpRequestException ex)
        {
            logger.LogError(ex, "Mail gateway unreachable for invoice {InvoiceId}", id); // trap
            return StatusCode(503);
        }
    }

    [HttpDelete("{id:int}")]
    public IActionResult Delete(int id)
    {
        try
        {
            repository.Delete(id);
            return NoContent();
        }
        catch
        {
            logger.LogCritical("Deleting invoice {InvoiceId} failed", id); // expect: RDY202
            return Problem();
        }
    }

    [HttpGet("{id:int}/pdf")]
    public IActionResult Pdf(int id)
    {
        try
        {
            return File(System.IO.File.ReadAllBytes($"pdf/{id}.pdf"), "application/pdf");
        }
        catch (FileNotFoundException ex)
        {
            logger.Log(LogLevel.Warning, "No PDF for invoice {InvoiceId}: {Error}", id, ex.Message); // expect: RDY202
            return NotFound();
        }
        catch (UnauthorizedAccessException ex)
        {
            logger.Log(LogLevel.Error, new EventId(40, "PdfDenied"), "PDF access denied", ex); // expect: RDY202
            return Forbid();
        }
        catch (IOException ex)
        {
            logger.Log(LogLevel.Error, new EventId(41, "PdfFailed"), ex, "PDF read failed for {InvoiceId}", id); // trap
            return StatusCode(500);
        }
    }
}

public sealed class ReminderWorker(ILogger<ReminderWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Reminder worker stopping"); // trap
                break;
            }
            catch (TimeoutException ex)
            {
                logger.LogWarning("Reminder batch timed out after {Elapsed}", ex.Message); // expect: RDY202
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Reminder batch failed"); // trap
                logger.LogWarning("Retrying the batch in a minute"); // trap
                Task.Run(() => logger.LogError("Background retry failed")); // trap
            }
        }
    }

    public void Schedule()
    {
        try
        {
            logger.LogInformation("Scheduling"); // trap
        }
        catch (Exception ex)
        {
            void Report() => logger.LogError("Scheduling failed: {Error}", ex.Message); // trap
            Report();
            logger.LogError(ex, "Scheduling failed"); // trap
        }
    }

    public void Cleanup(Exception previous)
    {
        logger.LogError("Previous run failed: {Error}", previous.Message); // trap
        try
        {
            Directory.Delete("tmp", recursive: true);
        }
        catch (IOException ex)
        {
            logger.LogDebug("Temp folder busy: {Error}", ex.HResult); // trap
            try
            {
                Directory.Delete("tmp2", recursive: true);
            }
            catch (IOException inner)
            {
                logger.LogError(inner, "Second temp folder busy"); // trap
            }
        }
    }

    public void Deliver(TaskCompletionSource<bool> completion)
    {
        try
        {
            completion.SetResult(true);
        }
        catch (InvalidOperationException ex)
        {
            logger.LogError("Delivery could not complete"); // trap
            completion.TrySetException(ex);
        }
    }
}

public static class SerilogJobs
{
    public static void ImportPrices(string path)
    {
        try
        {
            File.ReadAllLines(path);
        }
        catch (FileNotFoundException ex)
        {
            Log.Error("Price file {Path} missing: {Error}", path, ex.Message); // expect: RDY202
        }
        catch (IOException ex)
        {
            Log.Error("Price import failed", ex); // expect: RDY202
        }
        catch (Exception ex)
        {
            Log.Error(ex, "Price import of {Path} failed", path); // trap
        }
    }

    public static void ExportPrices(Serilog.ILogger log, string path)
    {
        try
        {
            File.WriteAllText(path, "[]");
        }
        catch (UnauthorizedAccessException)
        {
            log.ForContext("Path", path).Fatal("Price export denied"); // expect: RDY202
        }
        catch (IOException ex)
        {
            log.Warning("Price export failed: {Error}", ex.GetBaseException().Message); // expect: RDY202
        }
        catch (Exception ex)
        {
            log.Write(Serilog.Events.LogEventLevel.Error, "Price export crashed {Exception}", ex); // expect: RDY202
        }
    }

    public static void WarmUp()
    {
        try
        {
            File.ReadAllText("prices.json");
        }
        catch (FileNotFoundException)
        {
            Log.Information("No price cache yet"); // trap
        }
        catch (IOException ex)
        {
            Log.Warning(ex, "Price cache unreadable"); // trap
            Log.Debug("Cache error code {Code}", ex.HResult); // trap
        }
    }
}
