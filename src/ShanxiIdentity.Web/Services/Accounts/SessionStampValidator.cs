using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Agents;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// The per-request check of a sign-in cookie: its session row must be open and the account's
/// security stamp unchanged. Both in one query (the session joined to its account by keys).
/// </summary>
public sealed class SessionStampValidator(
    IOptions<SecurityStampValidatorOptions> options,
    SignInManager<Account> signInManager,
    ILoggerFactory logger,
    SignInSessions sessions,
    ActingContext acting,
    Privacy.PolicyStanding policy,
    TimeProvider clock)
    : SecurityStampValidator<Account>(options, signInManager, logger)
{
    protected override async Task<Account?> VerifySecurityStamp(ClaimsPrincipal? principal)
    {
        if (SignInSessions.IdOf(principal) is not { } sessionId
            || !Guid.TryParse(SignInManager.UserManager.GetUserId(principal!), out var accountId)
            || await sessions.OpenAsync(sessionId, accountId).ConfigureAwait(false) is not { } open)
        {
            return null;
        }

        var account = open.Account;
        var stamp = principal!.FindFirst(SignInManager.Options.ClaimsIdentity.SecurityStampClaimType)?.Value;
        if (await SignInManager.ValidateSecurityStampAsync(account, stamp).ConfigureAwait(false))
        {
            await ActingAsync(sessionId, open).ConfigureAwait(false);
            if (account.Kind != Domain.Accounts.AccountKind.Staff)
            {
                // The 隐私政策 gate (PrivacyGateFilter) reads it from here: no query of its own.
                policy.Set(account.PrivacyVersion);
            }

            await sessions.SeenAsync(sessionId, open.LastSeen).ConfigureAwait(false);
            return account;
        }

        // Ended by a new stamp (password reset, role change…): the row says so too.
        await sessions.EndAsync(sessionId).ConfigureAwait(false);
        return null;
    }

    /// <summary>An authorisation withdrawn or past its dates ends the acting at this very request: back to 个人办事, said once.</summary>
    private async Task ActingAsync(Guid sessionId, OpenSession open)
    {
        ActingAs? current = null;
        string? ended = null;
        if (open.Acting is { } authorization)
        {
            if (authorization.PersonAccountId == open.Account.Id && authorization.IsInForce(ChinaTime.Today(clock)))
            {
                current = new ActingAs(authorization.Id, authorization.OrganisationAccountId, open.ActingFor ?? string.Empty, authorization.Role, authorization.EndsOn);
            }
            else
            {
                await sessions.StopActingAsync(sessionId, authorization.Id).ConfigureAwait(false);
                ended = open.ActingFor;
            }
        }

        acting.Set(open.Account.Id, open.Account.Kind, current, open.MayAct, ended);
    }
}
