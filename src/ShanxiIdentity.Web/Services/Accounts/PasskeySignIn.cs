using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// 使用通行密钥登录: no account name, no password, no captcha. Identity checks the assertion (the
/// challenge of the options it issued, the origin, the relying party, user verification — required
/// — the signature and the counter); the portal then spends the challenge (one assertion, one
/// sign-in, on every instance), and applies what every way in applies: the lockout, and
/// <see cref="LoginGate"/>'s rules for organisations. A passkey is something held and unlocked by
/// the person (a fingerprint, face or PIN), so the session carries <c>hwk</c> and <c>mfa</c>, and an
/// account with 两步验证 needs no further code.
/// </summary>
public sealed class PasskeySignIn(
    PortalDbContext db,
    UserManager<Account> users,
    SignInManager<Account> signIn,
    PasswordSignIn passwords,
    AccountLocator locator,
    LoginGate gate,
    AuditLog audit,
    SpentPasskeyChallenges challenges,
    TimeProvider clock)
{
    /// <summary>The browser's request options (no credentials listed: the authenticator offers its own).</summary>
    public Task<string> BeginAsync() => signIn.MakePasskeyRequestOptionsAsync(null);

    public async Task<PasskeySignInResult> SignInAsync(string? credentialJson, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(credentialJson))
        {
            return new PasskeySignInResult(false, PasskeyMessages.SignInFailed);
        }

        PasskeyAssertionResult<Account> assertion;
        try
        {
            assertion = await signIn.PerformPasskeyAssertionAsync(credentialJson).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // No ceremony begun on this browser, or its five minutes ran out.
            return new PasskeySignInResult(false, PasskeyMessages.StartAgain);
        }

        if (!assertion.Succeeded)
        {
            await RecordFailureAsync(credentialJson, cancellationToken).ConfigureAwait(false);
            return new PasskeySignInResult(false, PasskeyMessages.SignInFailed);
        }

        if (!await challenges.SpendAsync(credentialJson, cancellationToken).ConfigureAwait(false)
            || await locator.FindByIdAsync(assertion.User.Id, cancellationToken).ConfigureAwait(false) is not { } account
            || account.Kind == AccountKind.Staff)
        {
            return new PasskeySignInResult(false, PasskeyMessages.SignInFailed);
        }

        if (await gate.LockedOutAsync(account).ConfigureAwait(false) is { } locked)
        {
            return new PasskeySignInResult(false, locked, Account: account);
        }

        if (await gate.RefusalAsync(account, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return new PasskeySignInResult(false, refusal, Gate: true, Account: account);
        }

        await audit.CommitAsync(
            async () =>
            {
                // The new signature counter (Identity's clone check), and when the passkey was last used.
                var stored = await db.Set<IdentityUserPasskey<Guid>>().FindAsync([assertion.Passkey.CredentialId], cancellationToken).ConfigureAwait(false);
                if (stored is not null)
                {
                    db.Entry(stored).Property(PortalDbContext.PasskeyLastUsedAt).CurrentValue = clock.GetUtcNow().UtcDateTime;
                }

                var saved = await users.AddOrUpdatePasskeyAsync(account, assertion.Passkey).ConfigureAwait(false);
                if (!saved.Succeeded)
                {
                    throw new InvalidOperationException("The passkey's counter could not be saved: " + string.Join("; ", saved.Errors.Select(e => e.Code)));
                }

                await passwords.ResetFailuresAsync(account).ConfigureAwait(false);
                await signIn.SignInWithClaimsAsync(account, isPersistent: false, SignInMethods.Claims([AuthenticationMethods.HardwareKey, AuthenticationMethods.MultiFactor])).ConfigureAwait(false);
                audit.Record(AuditAction.SignedIn, account.Id, detail: PasskeyMessages.AuditDetail);
            },
            cancellationToken).ConfigureAwait(false);
        return new PasskeySignInResult(true, Account: account);
    }

    /// <summary>
    /// A refused assertion naming a registered passkey is audited on its account; it does not count
    /// towards the lockout, which only a key holder's (correct) assertion could ever pass.
    /// </summary>
    private async Task RecordFailureAsync(string credentialJson, CancellationToken cancellationToken)
    {
        if (PasskeyCredentials.CredentialId(credentialJson) is { } credentialId
            && await users.FindByPasskeyIdAsync(credentialId).ConfigureAwait(false) is { } owner)
        {
            await audit.WriteAsync(AuditAction.SignInFailed, owner.Id, detail: PasskeyMessages.AuditDetail, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
