using System;
using System.Collections.Generic;
using System.Linq;

namespace ReadinessAnalyzers.Sample.Data;

public enum OrderStatus
{
    Placed,
    Paid,
    Confirmed,
    Cancelled,
}

public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record Order(
    Guid Id,
    string CustomerEmail,
    IReadOnlyList<OrderLine> Lines,
    OrderStatus Status,
    DateTimeOffset PlacedAt,
    string? PaymentId = null)
{
    public decimal Total => Lines.Sum(line => line.Quantity * line.UnitPrice);

    public static Order Create(string customerEmail, IReadOnlyList<OrderLine> lines, DateTimeOffset now)
        => new(Guid.NewGuid(), customerEmail, lines, OrderStatus.Placed, now);
}

/// <summary>A message waiting in the outbox table until the mailer has sent it.</summary>
public sealed record OutboxMessage(Guid Id, Guid OrderId, string Recipient, string Subject, string Body);
