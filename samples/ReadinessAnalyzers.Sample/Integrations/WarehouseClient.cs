using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace ReadinessAnalyzers.Sample.Integrations;

/// <summary>Typed client of the warehouse system that reserves stock for new orders.</summary>
public sealed class WarehouseClient(HttpClient http)
{
    public async Task<bool> ReserveAsync(Guid orderId, string sku, int quantity, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("reservations", new { orderId, sku, quantity }, cancellationToken);
        return response.IsSuccessStatusCode;
    }

    /// <summary>Gives the reserved stock back when an order is cancelled.</summary>
    public async Task ReleaseAsync(Guid orderId, CancellationToken cancellationToken)
    {
        // RDY205: a failed release is dropped without a trace: the stock stays reserved for a cancelled order and
        // nobody finds out. No logger is in reach, so the fix offers `throw;` (inject ILogger<WarehouseClient> to log).
        try
        {
            using var response = await http.DeleteAsync($"reservations/{orderId:N}", cancellationToken);
            response.EnsureSuccessStatusCode();
        }
        catch (HttpRequestException)
        {
        }
    }
}

public static class WarehouseRegistration
{
    public static IServiceCollection AddWarehouseClient(this IServiceCollection services)
    {
        services.AddHttpClient<WarehouseClient>(client =>
            {
                // RDY107: the warehouse API is called over plain HTTP, so order data and the API key header cross
                // the network in clear text. Use https:// (the fix switches the scheme in place).
                client.BaseAddress = new Uri("http://warehouse.contoso-logistics.com/api/");
                client.Timeout = TimeSpan.FromSeconds(5);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
            {
                // RDY103: "the staging certificate is self-signed" became production code: this accepts any
                // certificate, so anyone on the path can impersonate the warehouse. Trust the right CA or pin it.
                ServerCertificateCustomValidationCallback = (_, _, _, _) => true,
            });
        return services;
    }
}
