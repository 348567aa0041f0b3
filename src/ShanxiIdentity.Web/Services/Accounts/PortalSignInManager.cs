using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// Identity's sign-in, with a session row per sign-in (its id in the cookie) that sign-out ends.
/// Every way in (password, registration, staff code) goes through <see cref="SignInWithClaimsAsync"/>
/// (which also writes how: <c>amr</c> and <c>auth_time</c>, see <see cref="SignInMethods"/>)
/// and every way out (退出, staff logout, a client's RP-initiated logout) through <see cref="SignOutAsync"/>.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<Account> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<Account> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<Account>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<Account> confirmation,
    SignInSessions sessions,
    TimeProvider clock)
    : SignInManager<Account>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>Set while a refresh re-issues the cookie of the session that asked: no new session then.</summary>
    private Guid? _refreshing;

    public override async Task SignInWithClaimsAsync(Account user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(additionalClaims);
        var given = additionalClaims.ToList();
        var sessionId = _refreshing ?? await sessions.StartAsync(user).ConfigureAwait(false);

        // A refresh (new stamp) is not a new sign-in: the session keeps its methods and auth_time.
        // A sign-in names its methods (amr); Identity's own SignInAsync names none: a password then.
        IEnumerable<Claim> how = _refreshing is not null
            ? [.. Context.User.Claims.Where(SignInMethods.IsKept).Select(c => new Claim(c.Type, c.Value, c.ValueType))]
            : [.. SignInMethods.Claims(given.Where(c => c.Type == AuthenticationMethods.ClaimType).Select(c => c.Value).DefaultIfEmpty(AuthenticationMethods.Password)), SignInMethods.AuthTimeClaim(clock.GetUtcNow())];
        await base.SignInWithClaimsAsync(
            user,
            authenticationProperties,
            [.. given.Where(c => c.Type != SignInSessions.ClaimType && !SignInMethods.IsKept(c)), .. how, SignInSessions.ClaimFor(sessionId)]).ConfigureAwait(false);
    }

    /// <summary>
    /// A sign-in by the named methods (<see cref="AuthenticationMethods"/>: pwd, sms, otp, hwk, mfa),
    /// with auth_time now: the one call every way in uses (a second factor passes pwd, otp and mfa).
    /// </summary>
    public Task SignInWithMethodsAsync(Account user, params string[] methods) =>
        SignInWithClaimsAsync(user, isPersistent: false, SignInMethods.Claims(methods));

    /// <summary>
    /// After a password change or 退出其他设备 (a new stamp): the same session, with the new stamp;
    /// the account's other sessions, which the stamp already refuses, are ended in their rows too.
    /// </summary>
    public override async Task RefreshSignInAsync(Account user)
    {
        ArgumentNullException.ThrowIfNull(user);
        _refreshing = SignInSessions.IdOf(Context.User);
        await sessions.EndAllAsync(user.Id, keep: _refreshing).ConfigureAwait(false);
        try
        {
            await base.RefreshSignInAsync(user).ConfigureAwait(false);
        }
        finally
        {
            _refreshing = null;
        }
    }

    /// <summary>Ends the session of the request's own cookie, then removes the cookie.</summary>
    public override async Task SignOutAsync()
    {
        if (SignInSessions.IdOf(Context.User) is { } sessionId)
        {
            await sessions.EndAsync(sessionId).ConfigureAwait(false);
        }

        await base.SignOutAsync().ConfigureAwait(false);
    }
}
