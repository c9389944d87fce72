// Corpus: minimal-API reporting endpoints and a nightly job over Dapper and ADO.NET (RDY106).
using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Corpus.Security.Reporting;

public sealed record SalesRow(string Region, string Product, decimal Amount);

public sealed record Period(DateTime From, DateTime To);

public static class ReportingEndpoints
{
    private const string SalesView = "reporting.vw_Sales";
    private static readonly string[] SortableColumns = ["Region", "Product", "Amount"];

    public static RouteGroupBuilder MapReports(this RouteGroupBuilder group)
    {
        group.MapGet("/sales/{region}", async (string region, SqlConnection connection) =>
            await connection.QueryAsync<SalesRow>($"SELECT Region, Product, Amount FROM {SalesView} WHERE Region = N'{region}'")); // expect: RDY106

        group.MapGet("/sales", async (string? product, int year, SqlConnection connection) =>
        {
            var where = year > 0 ? $" WHERE YEAR(SoldOn) = {year}" : "";
            if (!string.IsNullOrWhiteSpace(product))
            {
                where += (where.Length == 0 ? " WHERE " : " AND ") + "Product LIKE '" + product + "%'";
            }

            return await connection.QueryAsync<SalesRow>("SELECT Region, Product, Amount FROM " + SalesView + where); // expect: RDY106
        });

        group.MapGet("/sales/top", async (string sort, int take, SqlConnection connection) =>
        {
            var column = SortableColumns.Contains(sort) ? sort : "Amount";
            return await connection.QueryAsync<SalesRow>($"SELECT TOP ({take}) Region, Product, Amount FROM {SalesView} ORDER BY {column} DESC"); // trap
        });

        group.MapGet("/sales/by-period", async ([AsParameters] Period period, SqlConnection connection, CancellationToken cancellationToken) =>
        {
            var command = new CommandDefinition(
                $"SELECT Region, Product, Amount FROM {SalesView} WHERE SoldOn BETWEEN @From AND @To", // trap
                period,
                cancellationToken: cancellationToken);
            return await connection.QueryAsync<SalesRow>(command);
        });

        group.MapGet("/sales/summary/{region}", async (string region, SqlConnection connection) =>
        {
            using var results = await connection.QueryMultipleAsync(
                $"SELECT COUNT(*) FROM {SalesView} WHERE Region = '{region}'; SELECT SUM(Amount) FROM {SalesView} WHERE Region = '{region}'"); // expect: RDY106
            var count = await results.ReadSingleAsync<int>();
            var total = await results.ReadSingleAsync<decimal>();
            return Results.Ok(new { count, total });
        });

        group.MapDelete("/sales/{id:int}", async (int id, SqlConnection connection) =>
            await connection.ExecuteAsync($"DELETE FROM reporting.Sales WHERE Id = {id}")); // trap

        group.MapGet("/customers/{email}", async (string email, SqlConnection connection) =>
            await connection.QueryFirstOrDefaultAsync<SalesRow>(new CommandDefinition($"SELECT * FROM reporting.Customers WHERE Email = '{email}'"))); // expect: RDY106

        return group;
    }
}

public sealed class NightlyRollup(DbDataSource dataSource, ILogger<NightlyRollup> logger) : BackgroundService
{
    private const string RollupTable = "reporting.DailySales";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var day = DateTime.UtcNow.Date.AddDays(-1);
            await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
            await using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM {RollupTable} WHERE Day = '{day:yyyy-MM-dd}'"; // trap
            await command.ExecuteNonQueryAsync(stoppingToken);
            logger.LogInformation("Rolled up {Day}", day);
            await Task.Delay(TimeSpan.FromHours(24), stoppingToken);
        }
    }

    public async Task RebuildAsync(IEnumerable<string> regions, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = connection.CreateBatch();
        foreach (var region in regions)
        {
            var statement = batch.CreateBatchCommand();
            statement.CommandText = $"EXEC reporting.RebuildRegion @region = '{region}'"; // expect: RDY106
            batch.BatchCommands.Add(statement);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> ExportAsync(string exportPath, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXEC reporting.ExportSales @path";
        var path = command.CreateParameter();
        path.ParameterName = "@path";
        path.Value = exportPath;
        command.Parameters.Add(path);
        logger.LogInformation("Exporting to {Path}", exportPath);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken); // trap
        var rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            rows++;
        }

        return rows;
    }
}
