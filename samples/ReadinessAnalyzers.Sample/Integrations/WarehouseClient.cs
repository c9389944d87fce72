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
