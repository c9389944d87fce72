using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace ReadinessAnalyzers.Sample.Data;

/// <summary>Daily revenue per region, read with plain ADO.NET from the reporting replica.</summary>
public sealed class RevenueReport
{
    private readonly DbDataSource _replica;

    public RevenueReport(DbDataSource replica)
    {
        _replica = replica;
    }

    public async Task<IReadOnlyList<(DateTime Day, decimal Revenue)>> ForRegionAsync(string region, DateTime from, CancellationToken cancellationToken)
    {
        await using var connection = await _replica.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // RDY106: the region comes from the query string and is pasted into the SQL text: "x' OR '1'='1" reads every
        // region, and worse is possible. The dates are safe (a DateTime cannot carry SQL). DbCommand has no
        // AddWithValue, so there is no code fix here: create a parameter with command.CreateParameter().
        command.CommandText = $"SELECT Day, SUM(Total) FROM revenue WHERE Region = '{region}' AND Day >= '{from:yyyy-MM-dd}' GROUP BY Day ORDER BY Day";

        var rows = new List<(DateTime Day, decimal Revenue)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetDateTime(0), reader.GetDecimal(1)));
        }

        return rows;
    }
}
