// Corpus: jobs and a console entry point that log through Serilog (static Log, ILogger, ForContext).
using System;
using System.Collections.Generic;
using Serilog;
using Serilog.Events;

namespace Corpus.Jobs;

public sealed class ImportJob(ILogger logger)
{
    private readonly ILogger _log = logger.ForContext<ImportJob>();

    public void Run(string file, int rows, TimeSpan elapsed)
    {
        _log.Information($"Importing {file}"); // expect: RDY201
        _log.Information("Importing {File}", file); // trap
        _log.Debug("Read " + rows + " rows from " + file); // expect: RDY201
        _log.Debug("Read {Rows} rows from {File}", rows, file); // trap
        _log.Debug("Read {Rows} rows from {File} in {Elapsed}", rows, file, elapsed); // trap
        _log.Debug("Read {Rows} rows from {File} in {Elapsed} as {User}", rows, file, elapsed, "import"); // trap
        _log.Debug("Read {Rows} rows", rows, file); // expect: RDY203
        _log.Warning("Import of {File} slow: {Elapsed}", file); // expect: RDY203
        _log.ForContext("File", file).Information($"Imported in {elapsed.TotalSeconds:N1}s"); // expect: RDY201
        _log.ForContext("File", file).Information("Imported in {Seconds:N1}s", elapsed.TotalSeconds); // trap
        _log.Write(LogEventLevel.Information, string.Format("Rows {0}", rows)); // expect: RDY201
        _log.Write(LogEventLevel.Information, "Rows {Rows}", rows); // trap
        _log.Information("Rows {@Summary}", new { rows, file }); // trap
        _log.Information("Rows {$Summary}", new { rows, file }); // trap
        _log.Information("Rows {0} of {1}", rows, 100); // trap
        _log.Information("Rows {0} of {0}", rows); // trap
        _log.Information("Rows {0} of {1}", rows); // expect: RDY203
        _log.Information("Rows {Rows of {Total}", rows, 100); // expect: RDY203
        _log.Information("Payload {{\"rows\": {Rows}}}", rows); // trap
    }
}

public static class BillingRun
{
    private const string Job = "billing";

    public static void Execute(IReadOnlyList<decimal> invoices)
    {
        Log.Information($"{Job}: starting"); // trap
        Log.Information($"Billing {invoices.Count} invoices"); // expect: RDY201
        Log.Information("Billing {Count} invoices", invoices.Count); // trap
        Log.Information(Job + " run started"); // trap
        Log.Information("Billing run " + DateTime.UtcNow.ToString("O")); // expect: RDY201
        foreach (var amount in invoices)
        {
            Log.Verbose($"Invoice amount {amount:C}"); // expect: RDY201
            Log.Verbose("Invoice amount {Amount:C}", amount); // trap
            Log.Verbose("Invoice amount {Amount:C} {Currency}", amount); // expect: RDY203
            Log.Fatal("Invoice amount {Amount}", amount, "EUR"); // expect: RDY203
        }

        var values = new object[] { invoices.Count };
        Log.Information("Billed {Count} invoices in {Seconds}", values); // trap
        Log.ForContext("Job", Job).Information("Billing done"); // trap
    }
}
