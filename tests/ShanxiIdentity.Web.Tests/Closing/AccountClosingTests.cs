using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.EntityFrameworkCore.Models;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Data.Protection;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Closing;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Domain.Sms;
using ShanxiIdentity.Web.Services.BackChannel;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Closing;

/// <summary>注销账号 online (#23): re-authentication, the cooling-off and its cancellation, then the closing task and what it leaves.</summary>
public abstract class AccountClosingTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task Closing_needs_the_current_password_and_a_right_code_to_the_reserved_phone()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var page = await session.GetPageAsync(ClosingSteps.PageUrl);
        Assert.Equal("15", page.QuerySelector("[data-cooling-off-days]")!.TextContent);
        Assert.Contains("可以重新注册", page.QuerySelector("[data-closing-explained]")!.TextContent, StringComparison.Ordinal);

        var code = await factory.ClosingCodeAsync(session, citizen.Phone);
        var wrongCode = ((int.Parse(code, CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var noCode = await Submit(session, citizen.Password, null);
        var wrongPassword = await Submit(session, "Wrong#Password1", code);
        var wrongCodeAnswer = await Submit(session, citizen.Password, wrongCode);

        Assert.Equal(FormMessages.Missing("短信验证码"), noCode.FieldError("Form_SmsCode"));
        Assert.Equal(AccountMessages.CurrentPasswordWrong, wrongPassword.FieldError("Form_CurrentPassword"));
        Assert.Equal(AccountMessages.SmsCodeWrong, wrongCodeAnswer.FieldError("Form_SmsCode"));

        // Five wrong tries void the code: the right one no longer works.
        for (var i = 0; i < 4; i++)
        {
            await Submit(session, citizen.Password, wrongCode);
        }

        Assert.Equal(AccountMessages.SmsCodeExpired, (await Submit(session, citizen.Password, code)).FieldError("Form_SmsCode"));
        var id = await factory.PersonIdAsync(citizen);
        Assert.Null(await factory.QueryAsync(db => db.Users.Where(a => a.Id == id).Select(a => a.ClosingDueAt).SingleAsync()));
        Assert.False(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.SubjectAccountId == id && e.Action == AuditAction.ClosingRequested)));

        // A password guessed wrong here counts towards the login's lockout like anywhere: five in a row lock the account.
        for (var i = 0; i < 4; i++)
        {
            await Submit(session, "Wrong#Password1", code);
        }

        Assert.Contains("账号已锁定", (await Submit(session, "Wrong#Password1", code)).FieldError("Form_CurrentPassword"), StringComparison.Ordinal);
        Assert.Contains("账号已锁定", (await Submit(session, citizen.Password, code)).FieldError("Form_CurrentPassword"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_cooling_off_the_task_erases_the_account_keeps_its_audit_rows_and_the_id_number_registers_again()
    {
        var userName = "close" + Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var (citizen, session) = await factory.RegisteredCitizenAsync(userName);
        var id = await factory.PersonIdAsync(citizen);
        await factory.EnableAuthenticatorAsync(citizen, session);
        var sso = await SsoClient.RegisterAsync(factory, ["profile", "offline_access"]);
        var request = sso.AuthorizeRequest("openid profile offline_access");
        Assert.Equal(HttpStatusCode.OK, (await sso.RedeemAsync((await sso.SignInAsync(session, request)).Code, request.Verifier)).Status);
        await AddPasskeyAndQrRowsAsync(id);
        var otherDevice = factory.NewSession();
        await otherDevice.LogInAsync(userName, citizen.Password);
        Assert.True(await factory.QueryAsync(db => db.PrivacyAcceptances.AnyAsync(a => a.AccountId == id)), "registration recorded no 隐私政策 acceptance");

        var requested = await factory.RequestClosingAsync(session, citizen.Phone, citizen.Password);
        Assert.Equal("/account/closing", requested.Location);
        await factory.DeliverSmsAsync();
        Assert.StartsWith(SmsMessages.Signature + "您的账号已申请注销，将于", factory.LatestSmsTo(citizen.Phone), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await otherDevice.Client.GetAsync(new Uri("/my", UriKind.Relative))).StatusCode);

        // Not due yet: the task leaves it alone. Fifteen days on, it closes it.
        await factory.RunClosingTaskAsync(factory.Clock.GetUtcNow().UtcDateTime);
        Assert.Null(await factory.QueryAsync(db => db.Users.Where(a => a.Id == id).Select(a => a.ClosedAt).SingleAsync()));
        factory.Clock.Advance(TimeSpan.FromDays(ClosingRules.DefaultCoolingOffDays) + TimeSpan.FromMinutes(1));
        Assert.True(await factory.RunClosingTaskAsync(factory.Clock.GetUtcNow().UtcDateTime) >= 1);

        var tombstone = await factory.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.NotNull(tombstone.ClosedAt);
        Assert.Equal("closed-" + id.ToString("N"), tombstone.UserName);
        Assert.Null(tombstone.PhoneNumber);
        Assert.Null(tombstone.PasswordHash);
        Assert.Null(tombstone.Email);
        Assert.False(tombstone.TwoFactorEnabled);
        var subject = id.ToString();
        var idForms = PersonalData.LookupForms(citizen.IdNumber);
        var phoneForms = PersonalData.LookupForms(citizen.Phone);
        var left = await factory.QueryAsync(async db => new[]
        {
            await db.PersonProfiles.CountAsync(p => p.AccountId == id || idForms.Contains(p.ResidentIdNumber)),
            await db.ReservedPhoneChanges.CountAsync(c => c.AccountId == id),
            await db.SignInSessions.CountAsync(s => s.AccountId == id),
            await db.QrSignIns.CountAsync(q => q.AccountId == id),
            await db.UserTokens.CountAsync(t => t.UserId == id),
            await db.Set<IdentityUserPasskey<Guid>>().CountAsync(p => p.UserId == id),
            await db.Set<OpenIddictEntityFrameworkCoreAuthorization>().CountAsync(a => a.Subject == subject),
            await db.Set<OpenIddictEntityFrameworkCoreToken>().CountAsync(t => t.Subject == subject),
            await db.SmsCodes.CountAsync(c => phoneForms.Contains(c.Phone)),
            await db.SmsThrottles.CountAsync(t => phoneForms.Contains(t.Phone)),
            // Sent before the closing (the worker may already have sent the last message, AccountClosed).
            await db.SmsOutbox.CountAsync(m => phoneForms.Contains(m.Phone) && m.NextAttemptAt == null && m.CreatedAt < tombstone.ClosedAt),
            await db.Users.CountAsync(a => phoneForms.Contains(a.PhoneNumber!)),
            await db.PrivacyAcceptances.CountAsync(a => a.AccountId == id),
            await db.PersonalDataExports.CountAsync(e => e.AccountId == id),
        });
        Assert.All(left, count => Assert.Equal(0, count));

        // The law's rows stay, pointing at the tombstone, without the holder's address or anything they typed.
        var audit = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.SubjectAccountId == id || e.ActorAccountId == id).ToListAsync());
        Assert.Contains(audit, e => e.Action == AuditAction.PersonRegistered);
        Assert.Contains(audit, e => e.Action == AuditAction.ClosingRequested);
        Assert.Contains(audit, e => e.Action == AuditAction.Closed && e.SubjectAccountId == id);
        Assert.All(audit.Where(e => e.ActorAccountId == id), e => Assert.Null(e.ClientAddress));
        Assert.All(audit, e => Assert.DoesNotContain(citizen.IdNumber, e.Detail ?? string.Empty, StringComparison.Ordinal));
        Assert.Null(audit.Single(e => e.Action == AuditAction.PasskeyAdded).Detail);

        // The last message reached the phone before the number went; then the same ID number, phone and user name register anew.
        await factory.DeliverSmsAsync();
        Assert.Equal(SmsMessages.AccountClosed, factory.LatestSmsTo(citizen.Phone));
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var again = await factory.RegisterAsync(factory.NewSession(), citizen, userName);
        Assert.True(again.Location == "/my", string.Join(" | ", again.Errors));
        Assert.NotEqual(id, await factory.PersonIdAsync(citizen));
    }

    [Fact]
    public async Task A_closed_account_s_old_cookie_and_refresh_token_are_refused_and_its_client_systems_are_told()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var sso = await SsoClient.RegisterAsync(factory, ["profile", "offline_access"], backChannelLogout: true);
        var request = sso.AuthorizeRequest("openid profile offline_access");
        var tokens = await sso.RedeemAsync((await sso.SignInAsync(session, request)).Code, request.Verifier);
        var refresh = tokens.Get("refresh_token");
        var subject = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(tokens.Get("id_token")).Subject;
        Assert.Equal("/account/closing", (await factory.RequestClosingAsync(session, citizen.Phone, citizen.Password)).Location);

        // The clock of the cookie and the token has not moved: only the closing refuses them.
        Assert.True(await factory.RunClosingTaskAsync(factory.AfterCoolingOff()) >= 1);

        // The client system is told in the closing's transaction, by the sub it knows the person by (back-channel logout).
        var told = await factory.QueryAsync(db => db.BackChannelLogouts.Where(l => l.ClientId == sso.ClientId && l.Reason == BackChannelLogoutReasons.AccountClosed).ToListAsync());
        Assert.Equal(subject, Assert.Single(told).Subject);

        using var old = await session.Client.GetAsync(new Uri("/my", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        Assert.Contains("/account/login", old.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal("invalid_grant", (await sso.RefreshAsync(refresh)).Error);
        Assert.Equal(SeedMessages.AccountDoesNotExist, (await factory.NewSession().LogInAsync(citizen.IdNumber, citizen.Password)).FieldError("Account"));
    }

    [Fact]
    public async Task A_clients_silent_request_during_the_cooling_off_gets_an_error_at_its_redirect_address_not_the_portal_page()
    {
        // prompt=none (OIDC Core 3.1.2.1): the portal must not show a page; the client hears interaction_required.
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var sso = await SsoClient.RegisterAsync(factory, ["profile"]);
        await factory.RequestClosingAsync(session, citizen.Phone, citizen.Password);

        var silent = sso.AuthorizeRequest("openid profile", prompt: "none");
        using var answer = await session.Client.GetAsync(new Uri(silent.Url, UriKind.Relative));

        var location = answer.Headers.Location?.ToString() ?? string.Empty;
        Assert.StartsWith(sso.RedirectUri, location, StringComparison.Ordinal);
        Assert.Contains("error=interaction_required", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_access_token_issued_before_the_closing_request_no_longer_reads_the_person_at_userinfo()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var sso = await SsoClient.RegisterAsync(factory, ["profile"]);
        var request = sso.AuthorizeRequest("openid profile");
        var tokens = await sso.RedeemAsync((await sso.SignInAsync(session, request)).Code, request.Verifier);
        var accessToken = tokens.Get("access_token");
        Assert.Equal(HttpStatusCode.OK, (await sso.UserInfoAsync(accessToken)).Status);

        await factory.RequestClosingAsync(session, citizen.Phone, citizen.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, (await sso.UserInfoAsync(accessToken)).Status);
    }

    [Fact]
    public async Task Signing_in_during_the_cooling_off_offers_only_to_cancel_and_cancelling_restores_the_account()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var sso = await SsoClient.RegisterAsync(factory, ["profile"]);
        Assert.Equal("/account/closing", (await factory.RequestClosingAsync(session, citizen.Phone, citizen.Password)).Location);
        var id = await factory.PersonIdAsync(citizen);

        var later = factory.NewSession();
        Assert.Equal("/my", (await later.LogInAsync(citizen.IdNumber, citizen.Password)).Location);
        foreach (var url in new[] { "/my", "/my/passkeys", "/my/closing", sso.AuthorizeRequest("openid profile").Url })
        {
            using var answer = await later.Client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.Equal("/account/closing", answer.Headers.Location!.OriginalString);
        }

        var pending = await later.GetPageAsync("/account/closing");
        Assert.Contains("将于", pending.QuerySelector("[data-closing-pending]")!.TextContent, StringComparison.Ordinal);
        var cancelled = await later.SubmitAsync(pending, "/account/closing/cancel", new Dictionary<string, string?>());
        Assert.Equal("/my", cancelled.Location);
        Assert.Equal(ClosingMessages.Cancelled, (await later.GetPageAsync("/my")).QuerySelector("[role=status]")!.TextContent.Trim());

        await factory.DeliverSmsAsync();
        Assert.Equal(SmsMessages.ClosingCancelled, factory.LatestSmsTo(citizen.Phone));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.SubjectAccountId == id && e.Action == AuditAction.ClosingCancelled)));
        await factory.RunClosingTaskAsync(factory.AfterCoolingOff());
        Assert.True(await factory.QueryAsync(db => db.PersonProfiles.AnyAsync(p => p.AccountId == id)));
    }

    private static async Task<PortalSession.Submitted> Submit(PortalSession session, string? password, string? code) =>
        await session.SubmitAsync(await session.GetPageAsync(ClosingSteps.PageUrl), ClosingSteps.PageUrl, new Dictionary<string, string?> { ["Form.CurrentPassword"] = password, ["Form.SmsCode"] = code });

    /// <summary>A passkey (with its audit row, as 我的账号 writes it) and a confirmed QR sign-in, the rows a browser ceremony would leave.</summary>
    private async Task AddPasskeyAndQrRowsAsync(Guid id)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShanxiIdentity.Data.PortalDbContext>();
        db.Set<IdentityUserPasskey<Guid>>().Add(new IdentityUserPasskey<Guid>
        {
            UserId = id,
            CredentialId = Guid.NewGuid().ToByteArray(),
            Data = new IdentityPasskeyData { PublicKey = [1, 2, 3], Name = "张伟的手机", CreatedAt = DateTimeOffset.UtcNow, Transports = [], AttestationObject = [1], ClientDataJson = [1] },
        });
        db.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow, Action = AuditAction.PasskeyAdded, SubjectAccountId = id, ActorAccountId = id, Detail = "张伟的手机", ClientAddress = "203.0.113.9" });
        db.QrSignIns.Add(new QrSignIn { Id = Guid.NewGuid(), PublicId = Guid.NewGuid().ToString("N"), SecretHash = "00", AccountId = id, CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddMinutes(2), RequesterAddress = "203.0.113.9" });
        await db.SaveChangesAsync();
    }
}

public sealed class AccountClosingTestsOnSqlite(SqlitePortalFactory factory) : AccountClosingTests<SqlitePortalFactory>(factory);

public sealed class AccountClosingTestsOnPostgreSql(PostgreSqlPortalFactory factory) : AccountClosingTests<PostgreSqlPortalFactory>(factory);
