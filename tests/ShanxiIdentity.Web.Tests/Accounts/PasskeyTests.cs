using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Domain.Sms;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Sms;
using ShanxiIdentity.Web.Tests.Infrastructure;
using static ShanxiIdentity.Web.Tests.Accounts.PasskeyJourney;

namespace ShanxiIdentity.Web.Tests.Accounts;

/// <summary>
/// 通行密钥 (#22) through the real pipeline, with <see cref="SoftwareAuthenticator"/> as the browser's
/// authenticator: added on 我的账号 after the password, signing in with hwk and mfa, and refused
/// when replayed, made for another site, removed, locked or someone else's.
/// </summary>
public abstract class PasskeyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task A_person_adds_a_passkey_and_signs_in_with_it_and_the_identity_token_says_hwk_and_mfa()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        using var authenticator = new SoftwareAuthenticator();
        var added = await AddAsync(session, authenticator, citizen.Password);
        Assert.True(added.Ok, added.Message);

        var accountId = await factory.PersonIdAsync(citizen);
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectAccountId == accountId && e.Action == AuditAction.PasskeyAdded && e.Detail == "我的手机")));
        Assert.Equal(1, await factory.QueryAsync(db => db.SmsOutbox.CountAsync(m => m.Phone == citizen.Phone && m.Purpose == SmsPurpose.PasskeyNotice)));
        await factory.DeliverSmsAsync(); // the outbox clears a text once delivered: read it as the phone received it
        Assert.Equal(SmsMessages.PasskeyAdded, factory.LatestSmsTo(citizen.Phone));
        var page = await session.GetPageAsync(PageUrl);
        Assert.Equal("我的手机", page.QuerySelector("[data-passkey-name]")!.TextContent);
        Assert.Contains("尚未使用", page.QuerySelector("[data-passkeys]")!.TextContent, StringComparison.Ordinal);

        // A client asking for more than one factor: the passkey sign-in is enough.
        var sso = await SsoClient.RegisterAsync(factory, ["profile"]);
        var request = sso.AuthorizeRequest("openid profile", extra: new Dictionary<string, string?> { ["acr_values"] = RealNameLevels.MultiFactorAcr });
        var fresh = factory.NewSession();
        var signedIn = await SignInAsync(fresh, authenticator, request.Url);
        Assert.True(signedIn.Ok, signedIn.Message + factory.LoggedErrors());
        Assert.Equal(request.Url, signedIn.Redirect);
        var (code, _) = await sso.SignInAsync(fresh, request);
        var tokens = await sso.RedeemAsync(code, request.Verifier);
        var amr = tokens.Payload("id_token").GetProperty("amr").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(AuthenticationMethods.HardwareKey, amr);
        Assert.Contains(AuthenticationMethods.MultiFactor, amr);
        Assert.DoesNotContain(AuthenticationMethods.Password, amr);
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectAccountId == accountId && e.Action == AuditAction.SignedIn && e.Detail == PasskeyMessages.AuditDetail)));
        Assert.DoesNotContain("尚未使用", (await fresh.GetPageAsync(PageUrl)).QuerySelector("[data-passkeys]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organisation_signs_in_with_a_passkey_and_one_awaiting_counter_verification_is_refused_by_the_gate()
    {
        var (organisation, session) = await factory.RegisteredOrganisationAsync();
        using var authenticator = new SoftwareAuthenticator();
        Assert.True((await AddAsync(session, authenticator, organisation.Password)).Ok);
        Assert.True((await SignInAsync(factory.NewSession(), authenticator)).Ok);

        await factory.QueryAsync(db => db.LegalEntityProfiles.Where(p => p.CreditCode == organisation.CreditCode).ExecuteUpdateAsync(s => s.SetProperty(p => p.RealNameVerifiedAt, (DateTime?)null)));
        var refused = await SignInAsync(factory.NewSession(), authenticator);
        Assert.False(refused.Ok);
        Assert.Equal(AccountMessages.AwaitingCounterVerification, refused.Message);
    }

    [Fact]
    public async Task Adding_needs_the_current_password_first_and_a_credential_without_it_adds_nothing()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var wrong = await BeginAddAsync(session, "not-the-password");
        Assert.False(wrong.Ok);
        Assert.Equal("CurrentPassword", wrong.Field);
        Assert.Equal(AccountMessages.CurrentPasswordWrong, wrong.Message);

        // A credential for options the portal never issued to this session (no password step).
        using var authenticator = new SoftwareAuthenticator();
        var forged = """{"rp":{"id":"localhost","name":"localhost"},"user":{"id":"eA","name":"x","displayName":"x"},"challenge":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}""";
        var unproved = await FinishAddAsync(session, authenticator.Create(forged));
        Assert.False(unproved.Ok);
        Assert.Equal(PasskeyMessages.StartAgain, unproved.Message);

        // Options begun for a sign-in are not options to add a passkey.
        var loginOptions = await PostAsync(session, LoginOptionsUrl, CitizenJourney.LoginUrl, []);
        var challenge = loginOptions.Json.GetProperty("options").GetProperty("challenge").GetString();
        var swapped = await FinishAddAsync(session, authenticator.Create(forged.Replace("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", challenge, StringComparison.Ordinal)));
        Assert.False(swapped.Ok);
        Assert.Equal(PasskeyMessages.StartAgain, swapped.Message);

        var accountId = await factory.PersonIdAsync(citizen);
        Assert.Equal(0, await factory.QueryAsync(db => db.Set<IdentityUserPasskey<Guid>>().CountAsync(p => p.UserId == accountId)));
        Assert.Equal(0, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectAccountId == accountId && e.Action == AuditAction.PasskeyAdded)));
    }

    [Fact]
    public async Task A_replayed_assertion_with_its_cookie_signs_nobody_in_a_second_time()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        using var authenticator = new SoftwareAuthenticator();
        Assert.True((await AddAsync(session, authenticator, citizen.Password)).Ok);

        // A client without a cookie jar: the attacker resends the very request, cookies and all.
        using var raw = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        var replay = new ReplayingBrowser(raw);
        var token = await replay.TokenAsync(CitizenJourney.LoginUrl);
        var options = await replay.PostAsync(LoginOptionsUrl, new() { ["__RequestVerificationToken"] = token });
        var assertion = authenticator.Get(System.Text.Json.JsonDocument.Parse(options).RootElement.GetProperty("options").GetRawText());
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Credential"] = assertion };
        var cookies = replay.Cookies;

        var first = await replay.PostAsync(LoginUrl, fields, cookies);
        var second = await replay.PostAsync(LoginUrl, fields, cookies);
        Assert.True(System.Text.Json.JsonDocument.Parse(first).RootElement.GetProperty("ok").GetBoolean(), first);
        var refused = System.Text.Json.JsonDocument.Parse(second).RootElement;
        Assert.False(refused.GetProperty("ok").GetBoolean());
        Assert.Equal(PasskeyMessages.SignInFailed, refused.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_assertion_made_for_another_origin_or_relying_party_or_without_user_verification_is_refused_and_audited()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        using var authenticator = new SoftwareAuthenticator();
        Assert.True((await AddAsync(session, authenticator, citizen.Password)).Ok);
        var accountId = await factory.PersonIdAsync(citizen);

        authenticator.Origin = "https://shanxi-gov.example";
        var otherOrigin = await SignInAsync(factory.NewSession(), authenticator);
        authenticator.Origin = "https://localhost";
        authenticator.RpId = "shanxi-gov.example";
        var otherRp = await SignInAsync(factory.NewSession(), authenticator);
        authenticator.RpId = null;
        authenticator.Verifies = false;
        var unverified = await SignInAsync(factory.NewSession(), authenticator);

        Assert.All([otherOrigin, otherRp, unverified], a => Assert.Equal(PasskeyMessages.SignInFailed, a.Message));
        Assert.Equal(3, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectAccountId == accountId && e.Action == AuditAction.SignInFailed && e.Detail == PasskeyMessages.AuditDetail)));
    }

    [Fact]
    public async Task A_removed_passkey_signs_nobody_in_and_a_locked_account_is_refused_with_the_lock_message()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        using var removed = new SoftwareAuthenticator();
        using var kept = new SoftwareAuthenticator();
        Assert.True((await AddAsync(session, removed, citizen.Password, "旧手机")).Ok);
        Assert.True((await AddAsync(session, kept, citizen.Password, "新手机")).Ok);

        var page = await session.GetPageAsync(PageUrl);
        var remove = await session.SubmitAsync(page, $"{PageUrl}/{removed.Id}/remove", new Dictionary<string, string?>());
        Assert.Equal(PageUrl, remove.Location);
        Assert.False((await SignInAsync(factory.NewSession(), removed)).Ok);
        await factory.DeliverSmsAsync();
        Assert.Equal(SmsMessages.PasskeyRemoved, factory.LatestSmsTo(citizen.Phone));

        var lockedUntil = factory.Clock.GetUtcNow().AddMinutes(15);
        await using (var scope = factory.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var account = await users.FindByIdAsync((await factory.PersonIdAsync(citizen)).ToString());
            Assert.True((await users.SetLockoutEndDateAsync(account!, lockedUntil)).Succeeded);
        }

        var locked = await SignInAsync(factory.NewSession(), kept);
        Assert.False(locked.Ok);
        Assert.Equal(AccountMessages.SignInLockedOut(ChinaTime.ToMinute(lockedUntil)), locked.Message);
    }

    [Fact]
    public async Task Another_accounts_passkey_cannot_be_renamed_or_removed()
    {
        var (owner, ownerSession) = await factory.RegisteredCitizenAsync();
        var (_, stranger) = await factory.RegisteredCitizenAsync();
        using var authenticator = new SoftwareAuthenticator();
        Assert.True((await AddAsync(ownerSession, authenticator, owner.Password)).Ok);

        var token = Counter.CounterDeskSteps.Token(await stranger.GetPageAsync(PageUrl));
        var rename = await stranger.PostAsync($"{PageUrl}/{authenticator.Id}/rename", new Dictionary<string, string?> { ["Form.Name"] = "偷来的", ["__RequestVerificationToken"] = token });
        var remove = await stranger.PostAsync($"{PageUrl}/{authenticator.Id}/remove", new Dictionary<string, string?> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.NotFound, rename.Status);
        Assert.Equal(HttpStatusCode.NotFound, remove.Status);

        // The owner renames it; the name is shown and audited.
        var ownPage = await ownerSession.GetPageAsync(PageUrl);
        var renamed = await ownerSession.SubmitAsync(ownPage, $"{PageUrl}/{authenticator.Id}/rename", new Dictionary<string, string?> { ["Form.Name"] = "办公电脑" });
        Assert.Equal(PageUrl, renamed.Location);
        Assert.Equal("办公电脑", (await ownerSession.GetPageAsync(PageUrl)).QuerySelector("[data-passkey-name]")!.TextContent);
        var ownerId = await factory.PersonIdAsync(owner);
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectAccountId == ownerId && e.Action == AuditAction.PasskeyRenamed && e.Detail == "办公电脑")));
    }

    [Fact]
    public async Task The_login_page_offers_the_passkey_button_only_to_script_and_the_add_form_explains_itself_without_it()
    {
        var login = await factory.NewSession().GetPageAsync(CitizenJourney.LoginUrl);
        var box = login.QuerySelector("[data-passkey-login]")!;
        Assert.True(box.HasAttribute("hidden"));
        Assert.Equal(PasskeyMessages.SignInButton, box.QuerySelector("[data-passkey-signin]")!.TextContent);

        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var page = await session.GetPageAsync(PageUrl);
        var plain = await session.SubmitAsync(page, AddOptionsUrl, new Dictionary<string, string?> { ["Form.Name"] = "我的手机", ["Form.CurrentPassword"] = citizen.Password });
        Assert.Equal(HttpStatusCode.OK, plain.Status);
        Assert.Contains(PasskeyMessages.NeedsScript, plain.Errors);
    }
}

/// <summary>An HTTP client that keeps cookies by hand, so a test can send the same request (and cookies) twice.</summary>
public sealed class ReplayingBrowser(HttpClient client)
{
    private readonly Dictionary<string, string> _cookies = [];

    public string Cookies => string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value));

    public async Task<string> TokenAsync(string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Keep(response);
        var page = await Html.ParseAsync(response);
        return Counter.CounterDeskSteps.Token(page);
    }

    public async Task<string> PostAsync(string url, Dictionary<string, string> fields, string? cookies = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Requested-With", "fetch");
        request.Headers.Add("Cookie", cookies ?? Cookies);
        using var response = await client.SendAsync(request);
        Keep(response);
        return await response.Content.ReadAsStringAsync();
    }

    private void Keep(HttpResponseMessage response)
    {
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            _cookies[pair[..equals]] = pair[(equals + 1)..];
        }
    }
}

public sealed class PasskeyTestsOnSqlite(SqlitePortalFactory factory) : PasskeyTests<SqlitePortalFactory>(factory);

public sealed class PasskeyTestsOnPostgreSql(PostgreSqlPortalFactory factory) : PasskeyTests<PostgreSqlPortalFactory>(factory);
