// Corpus: an older service with settings objects, records, attributes and in-memory configuration.
using System;
using System.Collections.Generic;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace Corpus.Legacy;

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class ExternalServiceAttribute(string name) : Attribute
{
    public string Name { get; } = name;
    public string ApiKey { get; set; } = string.Empty;
    public string Password { get; set; } = string.Empty;
    public string Description { get; set; } = string.Empty;
}

[ExternalService("geocoder", ApiKey = "__SECRET:token__")] // expect: RDY101
[ExternalService("ledger", Password = "__SECRET:short-password__", Description = "Ledger API, password auth")] // expect: RDY101
[ExternalService("weather", Description = "Uses the API key from configuration")] // trap
public sealed class LegacyIntegrations
{
}

public sealed record LedgerOptions(string BaseUrl = "https://ledger.contoso.net", string UserName = "orders", string Password = "__SECRET:short-password__"); // expect: RDY101

public sealed record WeatherOptions(string ApiKey, string Units = "metric"); // trap

public sealed class LegacySettings
{
    public string FtpPassword = "__SECRET:short-password__"; // expect: RDY101
    public string LdapBindPassword = "__SECRET:password__"; // expect: RDY101
    public string EncryptionKey = "__SECRET:base64__"; // expect: RDY101
    public string EncryptionAlgorithm = "AES-256-GCM"; // trap
    public string MasterKey = "__SECRET:hex__"; // expect: RDY101
    public string LicenseKey = "ORDERS-PRO-2024"; // trap
    public string PrivateKeyPath = "/etc/orders/keys/signing.pem"; // trap
    public string PrivateKeyPassphrase = "__SECRET:short-password__"; // expect: RDY101
    public string CertificatePassword = "__SECRET:short-password__"; // expect: RDY101
    public string CertificateThumbprint = "3B7E0A1C9D2F4E6B8A0C1D3E5F7A9B1C3D5E7F9A"; // trap
    public int PasswordExpiryDays = 90;
}

public static class LegacyFactory
{
    public static LedgerOptions Ledger() => new("https://ledger.contoso.net", "orders", "__SECRET:short-password__"); // expect: RDY101

    public static WeatherOptions Weather() => new(ApiKey: "__SECRET:token__"); // expect: RDY101

    public static WeatherOptions WeatherFromConfig(IConfiguration configuration) => new(configuration["Weather:ApiKey"] ?? string.Empty); // trap

    public static NetworkCredential Ldap() => new("CN=orders,OU=services,DC=contoso,DC=net", "__SECRET:password__"); // expect: RDY101

    public static NetworkCredential Kiosk() => new() { UserName = "kiosk", Password = "__SECRET:short-password__" }; // expect: RDY101

    public static object Anonymous() => new { Host = "ledger", Password = "__SECRET:short-password__", Port = 8443 }; // expect: RDY101

    public static IConfiguration InMemory() => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ledger:Password"] = "__SECRET:short-password__", // expect: RDY101
            ["Ledger:ApiToken"] = "__SECRET:token__", // expect: RDY101
            ["Ledger:BaseUrl"] = "https://ledger.contoso.net", // trap
            ["Ledger:PasswordPolicy"] = "Strong", // trap
            ["Ledger:TokenEndpoint"] = "https://ledger.contoso.net/oauth/token", // trap
            ["Ledger:ClientId"] = "orders-service", // trap
        })
        .Build();

    public static Dictionary<string, object> Settings() => new()
    {
        { "password", "__SECRET:short-password__" }, // expect: RDY101
        { "secret", "__SECRET:token__" }, // expect: RDY101
        { "username", "orders" }, // trap
        { "timeout", 30 },
    };

    public static string LegacyDefaultPassword(IConfiguration configuration)
    {
        string password;
        password = configuration["Legacy:Password"] ?? "__SECRET:short-password__"; // expect: RDY101
        return password;
    }

    public static string Switch(string environment) => environment switch
    {
        "Production" => "__SECRET:stripe-live__", // expect: RDY101
        _ => "__SECRET:stripe-test__", // trap
    };
}
