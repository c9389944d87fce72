// Corpus: XML, SOAP, identity and documentation strings that look like URLs but are identifiers (RDY107 traps).
using System;
using System.ComponentModel;
using System.Runtime.Serialization;
using System.Security.Claims;
using System.Xml.Linq;
using System.Xml.Serialization;
using Microsoft.Extensions.Logging;

namespace Corpus.Identity;

[DataContract(Namespace = "http://contracts.contoso.com/orders/2024")] // trap
public sealed class OrderContract
{
    [DataMember] public string? Id { get; set; }
}

[XmlRoot("invoice", Namespace = "http://invoices.contoso.com/v1")] // trap
public sealed class InvoiceDocument
{
    [XmlElement(Namespace = "http://invoices.contoso.com/lines")] // trap
    public string? Lines { get; set; }
}

public static class CustomClaimTypes
{
    public const string Tenant = "http://identity.contoso.com/claims/tenant"; // trap
    public const string Role = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"; // trap
}

public static class Feeds
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom"; // trap
    private static readonly XNamespace Orders = "http://contracts.contoso.com/orders"; // trap
    public const string SoapEnvelope = "http://schemas.xmlsoap.org/soap/envelope/"; // trap
    public const string JsonSchema = "http://json-schema.org/draft-07/schema#"; // trap
    public const string OrdersNamespace = "http://contracts.contoso.com/orders"; // trap
    public const string SoapAction = "http://tempuri.org/IOrderService/Submit"; // trap

    public static XElement Entry() => new(Atom + "entry", new XAttribute(XNamespace.Xmlns + "o", "http://contracts.contoso.com/orders")); // trap

    public static XName OrderName() => XNamespace.Get("http://contracts.contoso.com/orders") + "order"; // trap

    public static ClaimsIdentity Identity(string tenant)
        => new(new[] { new Claim("http://identity.contoso.com/claims/tenant", tenant) }, "corpus"); // trap
}

public sealed class ApiDescription
{
    [Description("Documented at http://docs.contoso.com/orders")] // trap
    public string? Name { get; set; }

    public string LicenseUrl { get; } = "http://opensource.org/licenses/MIT"; // trap
    public string TermsOfService { get; } = "http://contoso.com/legal/terms"; // trap
    public string ProblemType { get; } = "http://tools.ietf.org/html/rfc7231#section-6.5.1"; // trap
}

public sealed class LegacyGateway(ILogger<LegacyGateway> logger)
{
    public void Warn(string url)
    {
        logger.LogWarning("http://legacy.contoso.com is deprecated, use {Url}", url); // trap
        if (url == "http://legacy.contoso.com/") // trap
        {
            throw new InvalidOperationException("http://legacy.contoso.com/ is retired"); // trap
        }
    }
}
