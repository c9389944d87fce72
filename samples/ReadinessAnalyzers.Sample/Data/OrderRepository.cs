using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ReadinessAnalyzers.Sample.Data;

/// <summary>Order queries and commands used by the endpoints, the controller and the mailer.</summary>
public sealed class OrderRepository
{
    // RDY102: a second connection-string shape: a PostgreSQL reporting replica with `Password=` in a const. There is
    // no IConfiguration in reach, so the code fix is not offered here; move it to configuration by hand.
    private const string ReportingReplica =
        "Host=orders-replica.internal;Port=5432;Database=orders;Username=reporting;Password=" + "n8Wq" + "-Ks3v" + "-Ye6p";

    private readonly OrdersDbContext _db;

    public OrderRepository(OrdersDbContext db)
    {
        _db = db;
    }

    /// <summary>Where the nightly revenue report reads from (see <see cref="ReportingReplica"/>).</summary>
    public static string ReportingConnectionString => ReportingReplica;

    public Task<Order?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_db.Orders.TryGetValue(id, out var order) ? order : null);
    }

    public Task<IReadOnlyList<Order>> ListRecentAsync(DateTimeOffset since, int take, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<Order> page = _db.OrdersPlacedSince(since).Take(take).ToList();
        return Task.FromResult(page);
    }

    public async Task AddAsync(Order order, CancellationToken cancellationToken)
    {
        _db.Orders[order.Id] = order;
        await _db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> MarkPaidAsync(Guid orderId, string paymentId, CancellationToken cancellationToken)
    {
        if (!_db.Orders.TryGetValue(orderId, out var order) || order.Status != OrderStatus.Placed)
        {
            return false;
        }

        var paid = order with { Status = OrderStatus.Paid, PaymentId = paymentId };
        _db.Orders[orderId] = paid;
        _db.Outbox.Enqueue(new OutboxMessage(
            Guid.NewGuid(),
            orderId,
            order.CustomerEmail,
            $"Order {orderId:N} confirmed",
            $"Thank you for your order. We received your payment of {paid.Total:0.00}."));
        await _db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> CancelAsync(Guid orderId, CancellationToken cancellationToken)
    {
        if (!_db.Orders.TryGetValue(orderId, out var order) || order.Status == OrderStatus.Cancelled)
        {
            return false;
        }

        _db.Orders[orderId] = order with { Status = OrderStatus.Cancelled };
        await _db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
