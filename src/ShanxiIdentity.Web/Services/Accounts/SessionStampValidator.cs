using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// The per-request check of a sign-in cookie: its session row must be open and the account's
/// security stamp unchanged. Both in one query (the session joined to its account by keys).
/// </summary>
public sealed class SessionStampValidator(
    IOptions<SecurityStampValidatorOptions> options,
    SignInManager<Account> signInManager,
    ILoggerFactory logger,
    SignInSessions sessions)
    : SecurityStampValidator<Account>(options, signInManager, logger)
{
    protected override async Task<Account?> VerifySecurityStamp(ClaimsPrincipal? principal)
    {
        if (SignInSessions.IdOf(principal) is not { } sessionId
            || !Guid.TryParse(SignInManager.UserManager.GetUserId(principal!), out var accountId)
            || await sessions.OpenAccountAsync(sessionId, accountId).ConfigureAwait(false) is not { } account)
        {
            return null;
        }

        var stamp = principal!.FindFirst(SignInManager.Options.ClaimsIdentity.SecurityStampClaimType)?.Value;
        if (await SignInManager.ValidateSecurityStampAsync(account, stamp).ConfigureAwait(false))
        {
            return account;
        }

        // Ended by a new stamp (password reset, role change…): the row says so too.
        await sessions.EndAsync(sessionId).ConfigureAwait(false);
        return null;
    }
}
