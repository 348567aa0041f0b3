using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.SingleSignOn;
using ShanxiIdentity.Web.Services.Accounts;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShanxiIdentity.Web.Services.SingleSignOn;

/// <summary>
/// acr, amr and auth_time for client systems (docs/decisions/0013-real-name-levels.md): whether a
/// session is too old for <c>max_age</c>, what <c>acr_values</c> and the client's minimum 实名等级
/// require (<see cref="StepUp"/>), and the claims the tokens then carry.
/// </summary>
public sealed class SignInAssurance(RealNameAssessment levels, IOpenIddictApplicationManager applications, TimeProvider clock)
{
    /// <summary>OpenID Connect's error when the sign-in cannot meet the requested authentication context.</summary>
    public const string UnmetAuthenticationRequirements = "unmet_authentication_requirements";

    /// <summary>Where a person signed in with a password only adds a second factor (helper G's page), with <c>returnUrl</c>.</summary>
    public const string SecondFactorPath = "/account/second-factor";

    public static string SecondFactorUrl(string returnUrl) => SecondFactorPath + Microsoft.AspNetCore.Http.QueryString.Create("returnUrl", returnUrl);

    private static readonly string[] Kept = [SsoClaims.Acr, SsoClaims.Amr, SsoClaims.AuthTime];

    /// <summary><c>max_age</c>: the person proved who they are longer ago than the client accepts (or the cookie does not say when).</summary>
    public bool TooOld(OpenIddictRequest request, ClaimsPrincipal? session) =>
        request?.MaxAge is { } maxAge
        && (SignInMethods.AuthTime(session) is not { } at || clock.GetUtcNow() - at > TimeSpan.FromSeconds(maxAge));

    public async Task<StepUp> DecideAsync(Account account, object application, OpenIddictRequest request, ClaimsPrincipal session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var level = await levels.LevelOfAsync(account, cancellationToken).ConfigureAwait(false);
        var minimum = ClientRegistry.MinimumLevel(await applications.GetPropertiesAsync(application, cancellationToken).ConfigureAwait(false));
        return StepUp.Decide(level, request.GetAcrValues(), minimum, SignInMethods.MultiFactor(session));
    }

    /// <summary>
    /// At a refresh: the level the grant's <c>acr</c> asserts is still the account's (a registry that
    /// no longer holds an organisation lowers it), else the grant ends rather than repeat a level lost.
    /// </summary>
    public async Task<bool> StillMetAsync(Account account, ClaimsPrincipal grant, CancellationToken cancellationToken) =>
        RealNameLevels.FromAcr(grant?.FindFirst(SsoClaims.Acr)?.Value) is not { } asserted
        || await levels.HoldsAtLeastAsync(account, asserted, cancellationToken).ConfigureAwait(false);

    /// <summary>The Chinese description of an unmet requirement, for the client to show.</summary>
    public static string Why(StepUp stepUp) =>
        stepUp?.Outcome == StepUpOutcome.SecondFactorNeeded ? RealNameMessages.SecondFactorRequired : RealNameMessages.LevelTooLow(stepUp!.Required, stepUp.Level);

    /// <summary>
    /// Whether the person is sent to add a factor now, rather than the client being refused: the second
    /// factor step asks for the factor they have, or sets one up on 我的账号 and comes back.
    /// </summary>
    public static bool CanStepUp(StepUp stepUp, Account account) =>
        stepUp?.Outcome == StepUpOutcome.SecondFactorNeeded && account is { Kind: not Domain.Accounts.AccountKind.Staff };

    /// <summary>acr (satisfied level), amr (JSON array, from the session) and auth_time (Unix seconds) in both tokens.</summary>
    public static void Apply(ClaimsIdentity identity, string acr, ClaimsPrincipal session)
    {
        ArgumentNullException.ThrowIfNull(identity);
        identity.SetClaim(SsoClaims.Acr, acr);
        if (SignInMethods.Methods(session) is { Count: > 0 } methods)
        {
            // A JSON array even with one method, as OIDC Core 2 defines amr.
            identity.SetClaims(SsoClaims.Amr, JsonSerializer.SerializeToElement(methods));
        }

        if (SignInMethods.AuthTime(session) is { } at)
        {
            identity.SetClaim(SsoClaims.AuthTime, at.ToUnixTimeSeconds());
        }

        // The portal session, for the identity token's per-client sid (ClientSubjectHandler); no destination of its own.
        identity.SetClaim(SsoClaims.PortalSession, SignInSessions.IdOf(session)?.ToString("N"));
        Destine(identity);
    }

    /// <summary>At the token endpoint: the code's or refresh token's acr, amr and auth_time, unchanged (a refresh is no new sign-in).</summary>
    public static void Carry(ClaimsIdentity identity, ClaimsPrincipal grant)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(grant);
        identity.AddClaims(grant.Claims.Where(c => Kept.Contains(c.Type)).Select(c => new Claim(c.Type, c.Value, c.ValueType)));
        identity.SetClaim(SsoClaims.PortalSession, grant.GetClaim(SsoClaims.PortalSession));
        Destine(identity);
    }

    private static void Destine(ClaimsIdentity identity)
    {
        foreach (var claim in identity.Claims.Where(c => Kept.Contains(c.Type)))
        {
            claim.SetDestinations(Destinations.IdentityToken, Destinations.AccessToken);
        }
    }

    /// <summary>Discovery lists the acr values (OpenIddict has no option for them).</summary>
    public static OpenIddictServerHandlerDescriptor Discovery { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.HandleConfigurationRequestContext>()
            .UseInlineHandler(context =>
            {
                context.Metadata["acr_values_supported"] = new OpenIddictParameter(JsonSerializer.SerializeToElement(RealNameLevels.AcrValuesSupported));
                return default;
            })
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();
}
