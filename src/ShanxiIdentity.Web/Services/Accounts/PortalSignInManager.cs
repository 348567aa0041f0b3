using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// Identity's sign-in, with a session row per sign-in (its id in the cookie) that sign-out ends.
/// Every way in (password, SMS code, second factor, registration, staff code) goes through
/// <see cref="SignInWithClaimsAsync"/>, naming its methods as <c>amr</c> claims (<see cref="SignInMethods.Claims"/>);
/// it writes them and <c>auth_time</c> on the cookie, and nothing else does
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

        // A refresh (new stamp, or a step-up adding a factor) is not a new sign-in: the session keeps
        // its methods, gains any given, and keeps its auth_time. A sign-in names its methods (amr);
        // Identity's own SignInAsync names none: a password then.
        var methods = given.Where(c => c.Type == AuthenticationMethods.ClaimType).Select(c => c.Value).ToList();
        var sessionId = _refreshing ?? await sessions.StartAsync(user, [.. methods.DefaultIfEmpty(AuthenticationMethods.Password)]).ConfigureAwait(false);
        IEnumerable<Claim> how = _refreshing is not null
            ? [.. SignInMethods.Claims(SignInMethods.Methods(Context.User).Concat(methods)), .. Context.User.FindAll(AuthenticationMethods.AuthTimeClaimType).Take(1).Select(c => new Claim(c.Type, c.Value, c.ValueType))]
            : [.. SignInMethods.Claims(methods.DefaultIfEmpty(AuthenticationMethods.Password)), SignInMethods.AuthTimeClaim(clock.GetUtcNow())];
        await base.SignInWithClaimsAsync(
            user,
            authenticationProperties,
            [.. given.Where(c => c.Type != SignInSessions.ClaimType && !SignInMethods.IsKept(c)), .. how, SignInSessions.ClaimFor(sessionId)]).ConfigureAwait(false);
    }

    /// <summary>
    /// After a password change or 退出其他设备 (a new stamp): the same session, with the new stamp and
    /// every method it was signed in with (Identity's own refresh keeps only the first <c>amr</c>);
    /// the account's other sessions, which the stamp already refuses, are ended in their rows too.
    /// </summary>
    public override Task RefreshSignInAsync(Account user) => RefreshSignInAsync(user, []);

    /// <summary>The refresh above, the session also gaining <paramref name="methods"/> (proved just now).</summary>
    public async Task RefreshSignInAsync(Account user, IReadOnlyCollection<string> methods)
    {
        ArgumentNullException.ThrowIfNull(user);
        await sessions.EndAllAsync(user.Id, keep: SignInSessions.IdOf(Context.User)).ConfigureAwait(false);
        await AddMethodsAsync(user, methods).ConfigureAwait(false);
    }

    /// <summary>
    /// Step-up: the signed-in session proved more (a second factor); its cookie is re-issued for the
    /// same session with the methods (and sign-in time) it had and the new ones.
    /// </summary>
    public async Task AddMethodsAsync(Account user, IEnumerable<string> methods)
    {
        ArgumentNullException.ThrowIfNull(user);
        var auth = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme).ConfigureAwait(false);
        if (auth.Principal is null || UserManager.GetUserId(auth.Principal) != user.Id.ToString())
        {
            // As Identity's refresh: only the request's own signed-in account is re-issued.
            return;
        }

        var kept = auth.Principal?.Claims.Where(c => c.Type is AuthenticationMethods.ClaimType or AuthenticationMethods.AuthTimeClaimType).Select(c => new Claim(c.Type, c.Value)).ToList() ?? [];
        var added = methods.Distinct().Where(m => !kept.Exists(c => c.Type == AuthenticationMethods.ClaimType && c.Value == m)).Select(m => new Claim(AuthenticationMethods.ClaimType, m));
        _refreshing = SignInSessions.IdOf(Context.User);
        try
        {
            await SignInWithClaimsAsync(user, auth.Properties, [.. kept, .. added]).ConfigureAwait(false);
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
