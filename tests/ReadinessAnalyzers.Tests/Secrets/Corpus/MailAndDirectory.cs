// Corpus: SMTP, LDAP and webhook senders of a notification service.
using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Mail;

namespace Corpus.Notifications;

public sealed class SmtpSettings
{
    public string Host { get; set; } = "smtp.office365.com"; // trap
    public int Port { get; set; } = 587;
    public string UserName { get; set; } = "notifications@contoso.net"; // trap
    public string Password { get; set; } = "__SECRET:password__"; // expect: RDY101
    public string FromName { get; set; } = "Contoso Orders"; // trap
}

public sealed class MailSender
{
    private readonly SmtpClient _client;

    public MailSender()
    {
        _client = new SmtpClient("smtp.office365.com", 587) // trap
        {
            EnableSsl = true,
            Credentials = new NetworkCredential("notifications@contoso.net", "__SECRET:password__"), // expect: RDY101
        };
    }

    public void Send(string to, string subject)
    {
        using var message = new MailMessage("notifications@contoso.net", to, subject, "Your password was changed. If this was not you, reset it now."); // trap
        _client.Send(message);
    }

    public static NetworkCredential Relay(string user, string password) => new(user, password);

    public static NetworkCredential RelayDefault() => Relay("relay", "__SECRET:short-password__"); // expect: RDY101
}

public sealed class DirectorySettings
{
    public string LdapUrl { get; set; } = "ldaps://dc01.contoso.net:636"; // trap
    public string BindDn { get; set; } = "CN=svc-orders,OU=Service Accounts,DC=contoso,DC=net"; // trap
    public string BindPassword { get; set; } = "__SECRET:password__"; // expect: RDY101
    public string LdapConnection { get; set; } = "ldap://svc-orders:__SECRET:short-password__@dc01.contoso.net:389"; // expect: RDY101
    public string SearchBase { get; set; } = "OU=Users,DC=contoso,DC=net"; // trap
}

public static class Webhooks
{
    public static readonly Dictionary<string, string> Secrets = new()
    {
        ["github"] = "__SECRET:hex__", // expect: RDY101
        ["stripe"] = "whsec___SECRET:token__", // expect: RDY101
    };

    public const string TeamsWebhookSecret = "__SECRET:base64__"; // expect: RDY101
    public const string PagerDutyServiceId = "P7QX2LM"; // trap
    public const string DiscordInvite = "https://discord.gg/contoso-orders"; // trap
    public const string WebhookSignatureHeader = "X-Hub-Signature-256"; // trap
    public const string WebhookPath = "/webhooks/github"; // trap
}
