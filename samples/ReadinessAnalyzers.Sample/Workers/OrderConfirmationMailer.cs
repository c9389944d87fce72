using System;
using System.Net;
using System.Net.Mail;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReadinessAnalyzers.Sample.Data;

namespace ReadinessAnalyzers.Sample.Workers;

/// <summary>Sends the confirmation e-mails that the repository puts in the outbox once an order is paid.</summary>
public sealed class OrderConfirmationMailer : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(15);

    private readonly OrdersDbContext _db;
    private readonly IConfiguration _configuration;
    private readonly ILogger<OrderConfirmationMailer> _logger;

    public OrderConfirmationMailer(OrdersDbContext db, IConfiguration configuration, ILogger<OrderConfirmationMailer> logger)
    {
        _db = db;
        _configuration = configuration;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval);
        using var smtp = CreateSmtpClient();

        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var message in _db.TakePendingMessages(max: 20))
            {
                try
                {
                    // RDY206: the customer's e-mail address goes to the log store, which keeps it for months beyond the
                    // reach of erasure requests. Log the order ID only, or a masked address (MaskEmail(message.Recipient)).
                    _logger.LogDebug("Mailing the confirmation of order {OrderId} to {Email}", message.OrderId, message.Recipient);

                    using var mail = new MailMessage("orders@shop.example", message.Recipient, message.Subject, message.Body);
                    await smtp.SendMailAsync(mail, stoppingToken);

                    // RDY201: the order ID is baked into the text, so every confirmation is a different message: the log
                    // store cannot group them or filter on the order. The fix writes "... {MessageOrderId} ...", message.OrderId.
                    _logger.LogInformation($"Confirmation of order {message.OrderId} sent");

                    // RDY203: two placeholders but one argument, so {Pending} is logged as literal text and the backlog
                    // size never reaches the log store (CA2017 does not report the one-argument case).
                    _logger.LogDebug("Outbox drained after order {OrderId}, {Pending} messages left", message.OrderId);
                }
                catch (SmtpException ex)
                {
                    _logger.LogWarning(ex, "Sending the confirmation of order {OrderId} failed; it will be retried", message.OrderId);
                    _db.Outbox.Enqueue(message);
                }
                catch (InvalidOperationException ex)
                {
                    // RDY202: only the message text is logged: the exception type, stack trace and inner exception of a
                    // misconfigured SMTP client are lost. The fix writes _logger.LogError(ex, "... {OrderId} failed", ...).
                    _logger.LogError("Sending the confirmation of order {OrderId} failed: {Error}", message.OrderId, ex.Message);
                    _db.Outbox.Enqueue(message);
                }
            }
        }
    }

    private SmtpClient CreateSmtpClient()
    {
        var host = _configuration["Smtp:Host"] ?? "localhost";
        var port = _configuration.GetValue("Smtp:Port", 587);

        return new SmtpClient(host, port)
        {
            EnableSsl = true,
            // RDY101: the SMTP relay password is passed straight to NetworkCredential. Rotating it now means a code
            // change and a redeploy, and every developer (and every leaked clone) can send mail as the shop.
            Credentials = new NetworkCredential("orders-mailer", "Hq4t" + "-mW9r" + "-Zx2c"),
        };
    }
}
