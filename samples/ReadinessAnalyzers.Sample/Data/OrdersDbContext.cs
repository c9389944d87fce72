using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ReadinessAnalyzers.Sample.Data;

/// <summary>
/// A DbContext-style unit of work over the orders database. The sample keeps rows in memory so that it runs without
/// a database server; the connection handling around it is the part a real service gets wrong.
/// </summary>
public sealed class OrdersDbContext
{
    private readonly ILogger<OrdersDbContext> _logger;

    public OrdersDbContext(IConfiguration configuration, ILogger<OrdersDbContext> logger)
    {
        _logger = logger;
        CommandTimeout = TimeSpan.FromSeconds(configuration.GetValue("Database:CommandTimeoutSeconds", 30));

        // RDY102: the connection string carries the SQL login's password. Anyone who can read the repository (or a
        // build log, or a decompiled DLL) can log in to the production database. It belongs in configuration:
        // `ConnectionStrings:Orders` in user secrets locally, an environment variable or a vault in production.
        ConnectionString = "Server=sql-orders.internal,1433;Database=Orders;User Id=orders_app;Password="
            + "Vq7#mR2x" + "Lp9$wT4k" + ";Encrypt=True;TrustServerCertificate=False";
    }

    public string ConnectionString { get; }

    public TimeSpan CommandTimeout { get; }

    public ConcurrentDictionary<Guid, Order> Orders { get; } = new();

    public ConcurrentQueue<OutboxMessage> Outbox { get; } = new();

    public Task<int> SaveChangesAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _logger.LogDebug("Saved changes to {OrderCount} orders", Orders.Count);
        return Task.FromResult(Orders.Count);
    }

    public IReadOnlyList<OutboxMessage> TakePendingMessages(int max)
    {
        var batch = new List<OutboxMessage>(max);
        while (batch.Count < max && Outbox.TryDequeue(out var message))
        {
            batch.Add(message);
        }

        return batch;
    }

    public IEnumerable<Order> OrdersPlacedSince(DateTimeOffset since)
        => Orders.Values.Where(order => order.PlacedAt >= since).OrderBy(order => order.PlacedAt);
}
