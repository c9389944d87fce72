// Corpus: authentication and authorization events, where names mention tokens, secrets and e-mail without holding them.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Corpus.Security;

public enum TokenKind
{
    Access,
    Refresh,
}

public sealed record IssuedToken(string Id, TokenKind Kind, string Value, DateTimeOffset ExpiresAt);

public sealed record VaultSecret(string Name, int Version, string Value);

public sealed record OutgoingEmail(Guid Id, string To, string Template, IReadOnlyList<string> Attachments);

public sealed class TokenService(ILogger<TokenService> logger)
{
    public IssuedToken Issue(ClaimsPrincipal user, TokenKind kind)
    {
        var token = new IssuedToken(Guid.NewGuid().ToString("N"), kind, Convert.ToBase64String(Guid.NewGuid().ToByteArray()), DateTimeOffset.UtcNow.AddHours(1));
        logger.LogInformation("Issued {TokenKind} token {TokenId} for {Subject}", token.Kind, token.Id, user.Identity?.Name); // trap
        logger.LogInformation("Token {TokenId} expires at {ExpiresAt}", token.Id, token.ExpiresAt); // trap
        logger.LogDebug("Issued {Token}", token.Id); // trap
        logger.LogDebug("Issued token value {TokenValue}", token.Value); // expect: RDY206
        logger.LogDebug("Issued {@Token}", token); // expect: RDY206
        return token;
    }

    public void Revoke(IReadOnlyCollection<string> tokenIds, string reason)
    {
        logger.LogWarning("Revoking {TokenCount} tokens: {Reason}", tokenIds.Count, reason); // trap
        logger.LogWarning("Revoking {TokenIds}", tokenIds); // trap
    }

    public void Refresh(string refreshToken, string clientId)
    {
        logger.LogInformation("Refreshing for client {ClientId}", clientId); // trap
        logger.LogDebug("Refreshing with {RefreshToken}", refreshToken); // expect: RDY206
        logger.LogDebug("Refresh token has {Length} characters", refreshToken.Length); // trap
    }
}

public sealed class SecretLoader(ILogger<SecretLoader> logger)
{
    public void Page(string? continuationToken, string nextPageToken, string deltaToken)
    {
        logger.LogDebug("Listing secrets from {ContinuationToken}", continuationToken); // trap
        logger.LogDebug("Next page {NextPageToken}", nextPageToken); // trap
        logger.LogDebug("Delta {DeltaToken}", deltaToken); // trap
    }

    public void Exchanged(string idToken, string authorizationCode)
    {
        logger.LogDebug("Received id token {IdToken}", idToken); // expect: RDY206
        logger.LogDebug("Exchanging code {Code}", authorizationCode); // expect: RDY206
    }

    public void Loaded(VaultSecret secret)
    {
        logger.LogInformation("Loaded {Secret} version {Version}", secret.Name, secret.Version); // trap
        logger.LogInformation("Loaded secret {SecretName}", secret.Name); // trap
        logger.LogDebug("Loaded {Secret}", secret.Value); // expect: RDY206
    }
}

public sealed class MailOutbox(ILogger<MailOutbox> logger)
{
    public void Queue(OutgoingEmail email, ClaimsPrincipal sender)
    {
        logger.LogInformation("Queued email {EmailId} with template {EmailTemplate}", email.Id, email.Template); // trap
        logger.LogInformation("Queued {AttachmentCount} attachments", email.Attachments.Count); // trap
        logger.LogInformation("Queued mail to {Email}", email.To); // expect: RDY206
        logger.LogInformation("Queued mail to domain {Domain}", email.To.Split('@').Last()); // trap
        logger.LogInformation("Queued by {Email}", sender.FindFirstValue(ClaimTypes.Email)); // expect: RDY206
        logger.LogInformation("Queued by {UserId}", sender.FindFirstValue(ClaimTypes.NameIdentifier)); // trap
    }
}

public sealed class DocumentAuthorization(IAuthorizationService authorization, IAntiforgery antiforgery, ILogger<DocumentAuthorization> logger)
{
    public async Task<bool> CanEditAsync(ClaimsPrincipal user, object document, HttpContext context)
    {
        var authorizationResult = await authorization.AuthorizeAsync(user, document, "EditPolicy");
        logger.LogInformation("Authorization for {User}: {AuthorizationResult}", user.Identity?.Name, authorizationResult.Succeeded); // trap
        logger.LogDebug("Authorization failures {Failure}", authorizationResult.Failure?.FailedRequirements.Count()); // trap
        var tokens = antiforgery.GetAndStoreTokens(context);
        logger.LogDebug("Antiforgery header {HeaderName}", tokens.HeaderName); // trap
        logger.LogDebug("Antiforgery request token {RequestToken}", tokens.RequestToken); // expect: RDY206
        logger.LogDebug("Session cookie present: {HasSession}", context.Request.Cookies.ContainsKey(".AspNetCore.Session")); // trap
        logger.LogDebug("Auth scheme {Scheme}", context.Request.Headers.Authorization.ToString().Split(' ')[0]); // trap
        return authorizationResult.Succeeded;
    }
}
