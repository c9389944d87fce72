using System;

namespace ReadinessAnalyzers.Sample.Payments;

/// <summary>Settings of the payment provider, bound from the <c>PaymentGateway</c> configuration section.</summary>
public sealed class PaymentGatewayOptions
{
    public const string SectionName = "PaymentGateway";

    public Uri BaseAddress { get; set; } = new("https://payments.example.net/");

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    // RDY101: a "convenient" default for the API token. Configuration binding only overwrites it when the section
    // has the key, so an environment that forgets the setting still calls the provider with this token, and the
    // token ships in every build of the service. Leave the default empty and validate the options at startup.
    public string ApiToken { get; set; } = "pgw_" + "9f3KqLx2" + "Vb7Rt1Zc" + "M4nW8sYe";

    /// <summary>The merchant account is an identifier, not a credential: no diagnostic.</summary>
    public string MerchantId { get; set; } = "orders-eu-01";
}
