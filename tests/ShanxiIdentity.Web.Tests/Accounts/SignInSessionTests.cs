using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Accounts;

/// <summary>
/// 退出 ends the session on the server, not only in the browser: a copy of the sign-in cookie taken
/// before it (a stolen cookie, a shared computer's backup) is refused afterwards, while the same
/// account's other devices stay signed in (docs/decisions/0007-sign-in-sessions.md).
/// </summary>
public abstract class SignInSessionTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task After_logging_out_a_copy_of_the_cookie_no_longer_opens_my_account_and_another_device_stays_signed_in()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var (device, jar) = Device();
        var (otherDevice, _) = Device();
        Assert.Equal("/my", (await device.LogInAsync(citizen.IdNumber, citizen.Password)).Location);
        Assert.Equal("/my", (await otherDevice.LogInAsync(citizen.IdNumber, citizen.Password)).Location);
        var copy = CopyOfSignInCookie(jar);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(copy, "/my"));

        Assert.Equal("/", (await device.SubmitAsync(await device.GetPageAsync("/my"), "/account/logout", new Dictionary<string, string?>())).Location);

        using (var replayed = await copy.Client.GetAsync(new Uri("/my", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
            Assert.Contains("/account/login", replayed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(otherDevice, "/my"));
        var accountId = await factory.QueryAsync(db => db.PersonProfiles.Where(p => p.ResidentIdNumber == citizen.IdNumber).Select(p => p.AccountId).SingleAsync());
        var rows = await factory.QueryAsync(db => db.SignInSessions.Where(s => s.AccountId == accountId).Select(s => s.EndedAt).ToListAsync());
        Assert.Equal(1, rows.Count(ended => ended is not null));
        Assert.Contains(rows, ended => ended is null);
    }

    [Fact]
    public async Task After_the_staff_logout_a_copy_of_the_cookie_no_longer_opens_the_counter_and_another_device_stays_signed_in()
    {
        var (loginName, initialPassword) = await factory.CreateStaffAsync(StaffRole.Clerk);
        var (device, jar) = Device();
        var member = await device.EnrolAsync(loginName, initialPassword);
        var (otherDevice, _) = Device();
        Assert.Equal("/counter", (await otherDevice.StaffLogInAsync(member)).Location);
        var copy = CopyOfSignInCookie(jar);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(copy, "/counter/accounts"));

        Assert.Equal("/counter/login", (await device.SubmitAsync(await device.GetPageAsync("/counter"), "/counter/logout", new Dictionary<string, string?>())).Location);

        using (var replayed = await copy.Client.GetAsync(new Uri("/counter/accounts", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
            Assert.Contains("/counter/login", replayed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(otherDevice, "/counter/accounts"));
    }

    [Fact]
    public async Task After_a_client_s_logout_a_copy_of_the_portal_cookie_is_refused_and_another_device_stays_signed_in()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile"]);
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var (device, jar) = Device();
        var (otherDevice, _) = Device();
        Assert.Equal("/my", (await device.LogInAsync(citizen.IdNumber, citizen.Password)).Location);
        Assert.Equal("/my", (await otherDevice.LogInAsync(citizen.IdNumber, citizen.Password)).Location);
        var request = sso.AuthorizeRequest("openid profile");
        var tokens = await sso.RedeemAsync((await sso.SignInAsync(device, request)).Code, request.Verifier);
        var copy = CopyOfSignInCookie(jar);

        var url = $"/connect/logout?id_token_hint={tokens.Get("id_token")}&post_logout_redirect_uri={Uri.EscapeDataString(SsoClient.PostLogoutUri)}";
        using (var loggedOut = await device.Client.GetAsync(new Uri(url, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, loggedOut.StatusCode);
        }

        using (var replayed = await copy.Client.GetAsync(new Uri("/my", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
            Assert.Contains("/account/login", replayed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(otherDevice, "/my"));
    }

    [Fact]
    public async Task Signing_out_elsewhere_ends_the_other_sessions_rows_and_keeps_this_one()
    {
        var (citizen, here) = await factory.RegisteredCitizenAsync();
        var (elsewhere, _) = Device();
        Assert.Equal("/my", (await elsewhere.LogInAsync(citizen.IdNumber, citizen.Password)).Location);

        var token = (await here.GetPageAsync("/my")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var done = await here.PostAsync("/my/sign-out-others", new Dictionary<string, string?> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, done.Status);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(here, "/my"));
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(elsewhere, "/my"));
        var accountId = await factory.QueryAsync(db => db.PersonProfiles.Where(p => p.ResidentIdNumber == citizen.IdNumber).Select(p => p.AccountId).SingleAsync());
        Assert.Equal(1, await factory.QueryAsync(db => db.SignInSessions.CountAsync(s => s.AccountId == accountId && s.EndedAt == null)));
    }

    /// <summary>A browser of its own whose cookie jar the test can read.</summary>
    private (PortalSession Session, System.Net.CookieContainer Jar) Device()
    {
        var cookies = new CookieContainerHandler();
        return (new PortalSession(factory.CreateDefaultClient(new Uri("https://localhost"), cookies)), cookies.Container);
    }

    /// <summary>Another client holding only the sign-in cookie copied from <paramref name="jar"/>, as a thief would.</summary>
    private PortalSession CopyOfSignInCookie(System.Net.CookieContainer jar)
    {
        var origin = new Uri("https://localhost");
        var copy = new CookieContainerHandler();
        var copied = 0;
        foreach (var cookie in jar.GetCookies(origin).Cast<Cookie>().Where(c => c.Name.StartsWith("shanxi.auth", StringComparison.Ordinal)))
        {
            copy.Container.Add(origin, new Cookie(cookie.Name, cookie.Value, "/") { Secure = true, HttpOnly = true });
            copied++;
        }

        Assert.True(copied > 0, "No sign-in cookie in the jar.");
        return new PortalSession(factory.CreateDefaultClient(origin, copy));
    }

    private static async Task<HttpStatusCode> StatusAsync(PortalSession session, string path)
    {
        using var response = await session.Client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }
}

public sealed class SignInSessionTestsOnSqlite(SqlitePortalFactory factory) : SignInSessionTests<SqlitePortalFactory>(factory);

public sealed class SignInSessionTestsOnPostgreSql(PostgreSqlPortalFactory factory) : SignInSessionTests<PostgreSqlPortalFactory>(factory);
