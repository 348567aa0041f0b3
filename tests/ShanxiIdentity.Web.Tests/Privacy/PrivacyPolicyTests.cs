using System.Net;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Privacy;
using ShanxiIdentity.Web.Services.SingleSignOn;
using ShanxiIdentity.Web.Tests.Infrastructure;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShanxiIdentity.Web.Tests.Privacy;

/// <summary>
/// 隐私政策 consent (#23): registration records the current version; after a new version a holder's
/// next request after signing in (any method) goes to /account/privacy, keeps where it was going
/// (an SSO authorization request included) and goes on only after acceptance; staff pass.
/// </summary>
public abstract class PrivacyPolicyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private const string AcceptUrl = "/account/privacy";

    [Fact]
    public async Task Registration_records_the_current_version_and_is_not_asked_again()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var id = await factory.PersonIdAsync(citizen);
        Assert.Equal(NewPolicy.Version, await factory.QueryAsync(db => db.Users.Where(a => a.Id == id).Select(a => a.PrivacyVersion).SingleAsync()));
        Assert.Equal([NewPolicy.Version], await factory.QueryAsync(db => db.PrivacyAcceptances.Where(a => a.AccountId == id).Select(a => a.Version).ToListAsync()));
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectAccountId == id && e.Action == AuditAction.PrivacyPolicyAccepted)));
        using var my = await session.Client.GetAsync(new Uri("/my", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, my.StatusCode);
    }

    [Fact]
    public async Task A_new_version_is_shown_at_the_next_sign_in_keeps_the_return_url_and_is_recorded_once_accepted()
    {
        var citizen = await NewPolicy.OnFirstVersionAsync(factory);
        var session = factory.NewSession();
        Assert.Equal("/my", (await session.LogInAsync(citizen.IdNumber, citizen.Password)).Location);

        using var history = await session.Client.GetAsync(new Uri("/my/sign-ins", UriKind.Relative));
        Assert.Equal(AcceptUrl + "?returnUrl=%2Fmy%2Fsign-ins", history.Headers.Location?.ToString());
        var page = await session.GetPageAsync(history.Headers.Location!.ToString());
        Assert.Contains(NewPolicy.Change, page.QuerySelector("[data-policy-changes]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/my/closing']"));

        var accepted = await session.SubmitAsync(page, AcceptUrl, new Dictionary<string, string?>());
        Assert.Equal("/my/sign-ins", accepted.Location);
        using var after = await session.Client.GetAsync(new Uri("/my/sign-ins", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var id = await factory.PersonIdAsync(citizen);
        Assert.Contains(NewPolicy.Version, await factory.QueryAsync(db => db.PrivacyAcceptances.Where(a => a.AccountId == id).Select(a => a.Version).ToListAsync()));
        Assert.Equal(2, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectAccountId == id && e.Action == AuditAction.PrivacyPolicyAccepted)));
    }

    [Fact]
    public async Task Single_sign_on_passes_through_the_policy_and_then_reaches_the_client()
    {
        var client = await SsoClient.RegisterAsync(factory, [Scopes.OpenId, Scopes.Profile]);
        var citizen = await NewPolicy.OnFirstVersionAsync(factory);
        var session = factory.NewSession();
        await session.LogInAsync(citizen.IdNumber, citizen.Password);
        var request = client.AuthorizeRequest("openid profile");

        using var held = await session.Client.GetAsync(new Uri(request.Url, UriKind.Relative));
        var location = held.Headers.Location!.ToString();
        Assert.StartsWith(AcceptUrl + "?returnUrl=%2Fconnect%2Fauthorize", location, StringComparison.Ordinal);
        var accepted = await session.SubmitAsync(await session.GetPageAsync(location), AcceptUrl, new Dictionary<string, string?>());
        Assert.Equal(request.Url, accepted.Location);

        var (code, _) = await client.SignInAsync(session, request);
        Assert.False(code.StartsWith("error", StringComparison.Ordinal), code);

        // prompt=none from a person with a version still to accept: interaction_required, no page.
        var other = factory.NewSession();
        var pending = await NewPolicy.OnFirstVersionAsync(factory);
        await other.LogInAsync(pending.IdNumber, pending.Password);
        var silent = client.AuthorizeRequest("openid profile", prompt: "none");
        using var refused = await other.Client.GetAsync(new Uri(silent.Url, UriKind.Relative));
        Assert.Contains("error=interaction_required", refused.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.RedeemAsync(code, request.Verifier)).Status);
    }

    [Fact]
    public async Task Refusing_keeps_the_person_out_until_they_sign_out_and_a_stale_form_records_nothing()
    {
        var citizen = await NewPolicy.OnFirstVersionAsync(factory);
        var session = factory.NewSession();
        await session.LogInAsync(citizen.IdNumber, citizen.Password);
        foreach (var url in new[] { "/my", "/my/data", "/my/passkeys", "/" })
        {
            using var response = await session.Client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.Headers.Location?.ToString().StartsWith(AcceptUrl, StringComparison.Ordinal) == true, url);
        }

        var page = await session.GetPageAsync(AcceptUrl);
        var stale = await session.SubmitAsync(page, AcceptUrl, new Dictionary<string, string?> { ["version"] = PrivacyPolicies.Baseline });
        Assert.Contains(PrivacyMessages.VersionChanged, stale.Body, StringComparison.Ordinal);
        var id = await factory.PersonIdAsync(citizen);
        Assert.Equal("1", await factory.QueryAsync(db => db.Users.Where(a => a.Id == id).Select(a => a.PrivacyVersion).SingleAsync()));

        // The public policy, and signing out, stay open.
        using var policy = await session.Client.GetAsync(new Uri("/privacy", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, policy.StatusCode);
        var signedOut = await session.SubmitAsync(page, "/account/logout", new Dictionary<string, string?>());
        Assert.Equal("/", signedOut.Location);
        using var my = await session.Client.GetAsync(new Uri("/my", UriKind.Relative));
        Assert.Contains(CitizenJourney.LoginUrl, my.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_are_not_asked()
    {
        var (_, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        using var counter = await clerk.Client.GetAsync(new Uri("/counter/accounts", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, counter.StatusCode);
    }
}

public sealed class SqlitePrivacyPolicyTests(NewPolicySqliteFactory factory) : PrivacyPolicyTests<NewPolicySqliteFactory>(factory);

public sealed class PostgreSqlPrivacyPolicyTests(NewPolicyPostgreSqlFactory factory) : PrivacyPolicyTests<NewPolicyPostgreSqlFactory>(factory);
