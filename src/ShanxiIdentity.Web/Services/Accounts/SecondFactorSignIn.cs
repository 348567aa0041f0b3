using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Audit;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// 两步验证 at sign-in: after a right password an account with a second factor is not signed in; only
/// a <see cref="SecondFactorTicket"/> travels to the code step, and a right code signs it in with
/// <c>amr</c> [pwd, otp|sms, mfa]. The same step serves a signed-in person asked to step up (a client
/// system wants more than a password): the session then gains the second method and mfa.
/// </summary>
public sealed class SecondFactorSignIn(
    PortalDbContext db,
    SecondFactorTicket tickets,
    SecondFactorCodes codes,
    PasswordSignIn passwords,
    SignInManager<Account> signIn,
    AuditLog audit)
{
    /// <summary>The ticket for the code step, or null when the account has no second factor (sign it in now).</summary>
    public async Task<string?> BeginAsync(Account account) =>
        await codes.MethodAsync(account).ConfigureAwait(false) is null ? null : tickets.Issue(account);

    public Task<string?> MethodAsync(Account account) => codes.MethodAsync(account);

    /// <summary>The person or organisation a ticket carries, while it is unexpired and unspent.</summary>
    public async Task<Account?> HolderAsync(string? ticket, CancellationToken cancellationToken) =>
        tickets.AccountId(ticket) is { } id
        && await db.Users.SingleOrDefaultAsync(a => a.Id == id && a.Kind != AccountKind.Staff, cancellationToken).ConfigureAwait(false) is { } account
        && tickets.Holds(ticket, account)
            ? account
            : null;

    /// <summary>Checks the code and signs in (or, for <paramref name="stepUp"/>, adds to the session); null when done, else why not.</summary>
    public async Task<string?> CompleteAsync(Account account, string? code, bool recovery, bool stepUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (await codes.MethodAsync(account).ConfigureAwait(false) is not { } method)
        {
            return SecondFactorMessages.NotEnabled;
        }

        if (stepUp && method == AuthenticationMethods.Sms && !recovery && SignInMethods.SmsAddsNoFactor(signIn.Context.User))
        {
            return SecondFactorMessages.SmsAfterQr;
        }

        var verdict = await codes.VerifyAsync(account, method, code, recovery, cancellationToken).ConfigureAwait(false);
        if (!verdict.Passed)
        {
            return verdict.Refusal;
        }

        await audit.CommitAsync(
            async () =>
            {
                await passwords.ResetFailuresAsync(account).ConfigureAwait(false);
                if (stepUp && signIn is PortalSignInManager portal)
                {
                    await portal.AddMethodsAsync(account, [verdict.Method!, AuthenticationMethods.MultiFactor]).ConfigureAwait(false);
                }
                else
                {
                    await signIn.SignInWithClaimsAsync(account, isPersistent: false, Methods(verdict.Method!)).ConfigureAwait(false);
                }

                audit.Record(AuditAction.SignedIn, account.Id, detail: SecondFactorMessages.Section);
            },
            cancellationToken).ConfigureAwait(false);
        return null;
    }

    private static Claim[] Methods(string second) =>
    [
        new(AuthenticationMethods.ClaimType, AuthenticationMethods.Password),
        new(AuthenticationMethods.ClaimType, second),
        new(AuthenticationMethods.ClaimType, AuthenticationMethods.MultiFactor),
    ];
}
