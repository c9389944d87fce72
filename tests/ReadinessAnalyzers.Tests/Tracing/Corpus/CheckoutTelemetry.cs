using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace TracingCorpus.Checkout;

public static class CheckoutDiagnostics
{
    public const string SourceName = "Contoso.Checkout";

    public static readonly ActivitySource Source = new(SourceName, "1.0.0");
}

public sealed record CartLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record Cart(Guid Id, string CustomerId, IReadOnlyList<CartLine> Lines);

public interface ICartStore
{
    Task<Cart?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task SaveAsync(Cart cart, CancellationToken cancellationToken);
}

public sealed class CheckoutService(ICartStore carts, ILogger<CheckoutService> logger)
{
    public async Task<decimal> PriceAsync(Guid cartId, CancellationToken cancellationToken)
    {
        using var activity = CheckoutDiagnostics.Source.StartActivity("PriceCart"); // trap
        activity?.SetTag("cart.id", cartId);
        var cart = await carts.FindAsync(cartId, cancellationToken) ?? throw new InvalidOperationException("Unknown cart");
        decimal total = 0;
        foreach (var line in cart.Lines)
        {
            total += line.Quantity * line.UnitPrice;
        }

        return total;
    }

    public async Task CheckoutAsync(Guid cartId, CancellationToken cancellationToken)
    {
        var activity = CheckoutDiagnostics.Source.StartActivity("Checkout", ActivityKind.Internal); // expect: RDY301
        activity?.SetTag("cart.id", cartId);
        var cart = await carts.FindAsync(cartId, cancellationToken);
        if (cart is null)
        {
            logger.LogWarning("Cart {CartId} not found", cartId);
            return;
        }

        await carts.SaveAsync(cart, cancellationToken);
    }

    public async Task ApplyCouponAsync(Guid cartId, string code, CancellationToken cancellationToken)
    {
        CheckoutDiagnostics.Source.StartActivity("ApplyCoupon")?.SetTag("coupon", code); // expect: RDY301
        var cart = await carts.FindAsync(cartId, cancellationToken);
        logger.LogInformation("Coupon {Code} applied to {CartId}", code, cart?.Id);
    }

    public async Task ValidateAsync(Guid cartId, CancellationToken cancellationToken)
    {
        var activity = CheckoutDiagnostics.Source.StartActivity("Validate"); // trap
        try
        {
            _ = await carts.FindAsync(cartId, cancellationToken);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
        finally
        {
            activity?.Stop();
        }
    }

    public void Abandon(Guid cartId)
    {
        _ = CheckoutDiagnostics.Source.StartActivity("Abandon"); // expect: RDY301
        logger.LogInformation("Cart {CartId} abandoned", cartId);
    }

    public Activity? StartPayment(Guid cartId) // helper: the caller ends the span
    {
        var activity = CheckoutDiagnostics.Source.StartActivity("Payment", ActivityKind.Client); // trap
        activity?.SetTag("cart.id", cartId);
        return activity;
    }

    public Activity? StartRefund(Guid cartId) => CheckoutDiagnostics.Source.StartActivity("Refund")?.SetTag("cart.id", cartId); // trap
}

/// <summary>Keeps one span open per long-running session and ends it when the session closes.</summary>
public sealed class SessionTracker : IDisposable
{
    private readonly ConcurrentDictionary<string, Activity> _sessions = new();
    private Activity? _current;

    public void Open(string sessionId)
    {
        var activity = CheckoutDiagnostics.Source.StartActivity("Session"); // trap
        if (activity is not null)
        {
            _sessions[sessionId] = activity;
        }
    }

    public void Close(string sessionId)
    {
        if (_sessions.TryRemove(sessionId, out var activity))
        {
            activity.Dispose();
        }
    }

    public void Begin() => _current = CheckoutDiagnostics.Source.StartActivity("Batch"); // trap

    public void Dispose() => _current?.Dispose();
}

public sealed class SpanScope(Activity? activity) : IDisposable
{
    public void Dispose() => activity?.Dispose();
}

public sealed class ScopedOperations
{
    public SpanScope Begin(string name) => new SpanScope(CheckoutDiagnostics.Source.StartActivity(name)); // trap

    public void Flush()
    {
        using (CheckoutDiagnostics.Source.StartActivity("Flush")) // trap
        {
            Thread.Sleep(1);
        }
    }

    public Task RunLaterAsync()
    {
        var activity = CheckoutDiagnostics.Source.StartActivity("Deferred"); // trap
        return Task.Delay(50).ContinueWith(_ => activity?.Dispose(), TaskScheduler.Default);
    }

    public string? CurrentTraceId()
    {
        return CheckoutDiagnostics.Source.StartActivity("Probe")?.TraceId.ToString(); // expect: RDY301
    }
}
