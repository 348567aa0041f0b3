using System.Net;
using Microsoft.AspNetCore.Hosting;
using ShanxiIdentity.Web.Infrastructure;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Security;

/// <summary>Headers, cookies and return URLs: what every response promises the browser.</summary>
public sealed class ResponseHardeningTests(SqlitePortalFactory factory) : IClassFixture<SqlitePortalFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/css/site.css")]
    [InlineData("/no/such/page")]
    [InlineData("/counter/login")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var response = await factory.NewSession().Client.GetAsync(new Uri(path, UriKind.Relative));

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_carry_no_inline_script_for_the_policy_to_refuse()
    {
        foreach (var path in new[] { "/", "/account/login", "/account/register", "/account/register/legal", "/account/forgot", "/guide/faq", "/guide/materials", "/guide/templates", "/counter/login" })
        {
            var page = await factory.NewSession().GetPageAsync(path);
            Assert.All(page.QuerySelectorAll("script"), script => Assert.False(string.IsNullOrEmpty(script.GetAttribute("src")), $"inline script on {path}"));
            Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal) || a.Name == "style"));
        }
    }

    [Fact]
    public async Task Every_cookie_is_secure_http_only_and_same_site()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var session = factory.NewSession();
        var page = await session.GetPageAsync("/account/login");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Account"] = citizen.IdNumber,
            ["Password"] = citizen.Password,
            ["Captcha"] = PortalSession.CaptchaAnswer,
            ["CaptchaId"] = page.QuerySelector("[data-captcha-id]")!.GetAttribute("value")!,
            ["__RequestVerificationToken"] = Counter.CounterDeskSteps.Token(page),
        });

        // A fresh client without cookie handling shows every Set-Cookie header the portal sends.
        using var raw = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        using var loginPage = await raw.GetAsync(new Uri("/account/login", UriKind.Relative));
        var cookies = loginPage.Headers.GetValues("Set-Cookie").ToList();
        using var signIn = await session.Client.PostAsync(new Uri("/account/login", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        cookies.AddRange(signIn.Headers.GetValues("Set-Cookie"));

        Assert.Contains(cookies, c => c.StartsWith("shanxi.auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.All(cookies, cookie =>
        {
            var flags = cookie.ToLowerInvariant();
            Assert.Contains("; secure", flags, StringComparison.Ordinal);
            Assert.Contains("; httponly", flags, StringComparison.Ordinal);
            Assert.True(flags.Contains("; samesite=lax", StringComparison.Ordinal) || flags.Contains("; samesite=strict", StringComparison.Ordinal), cookie);
        });
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task A_return_url_off_the_site_is_ignored_after_login(string returnUrl)
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var session = factory.NewSession();
        var page = await session.GetPageAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var signedIn = await session.SubmitAsync(page, "/account/login", new Dictionary<string, string?> { ["Account"] = citizen.IdNumber, ["Password"] = citizen.Password });

        Assert.Equal("/my", signedIn.Location);
    }
}

/// <summary>The per-address throttles, with limits low enough to reach in a test.</summary>
public sealed class RateLimitTests(RateLimitTests.LowLimitsFactory factory) : IClassFixture<RateLimitTests.LowLimitsFactory>
{
    public sealed class LowLimitsFactory : SqlitePortalFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            builder.UseSetting("RateLimits:credentials:PermitLimit", "3");
            builder.UseSetting("RateLimits:sms:PermitLimit", "2");
            builder.UseSetting("RateLimits:token:PermitLimit", "2");
            builder.UseSetting("RateLimits:captcha:PermitLimit", "3");
        }
    }

    [Fact]
    public async Task Too_many_token_requests_from_one_address_get_the_protocol_s_json_error()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile"]);
        var answers = new List<TokenAnswer>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            answers.Add(await sso.ClientCredentialsAsync(secretOverride: "guessing-" + attempt));
        }

        Assert.All(answers.Take(2), a => Assert.Equal("invalid_client", a.Error));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[2].Status);
        Assert.Equal("temporarily_unavailable", answers[2].Error);
    }

    [Fact]
    public async Task Too_many_logins_from_one_address_get_a_chinese_429_page()
    {
        var session = factory.NewSession();
        var page = await session.GetPageAsync("/account/login");
        var answers = new List<PortalSession.Submitted>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            answers.Add(await session.SubmitAsync(page, "/account/login", new Dictionary<string, string?> { ["Account"] = "nobody_here", ["Password"] = "Wrong#123" }));
        }

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3].Status);
        Assert.Contains("操作过于频繁", answers[3].Body, StringComparison.Ordinal);

        // Pages that check nothing stay open.
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync(new Uri("/guide/faq", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Too_many_sms_requests_from_one_address_get_json_the_page_can_show()
    {
        var session = factory.NewSession();
        var page = await session.GetPageAsync("/account/register");
        var answers = new List<PortalSession.Submitted>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var fields = new Dictionary<string, string?>
            {
                ["Phone"] = Citizen.NewPhone(),
                ["__RequestVerificationToken"] = Counter.CounterDeskSteps.Token(page),
            };
            answers.Add(await session.PostAsync("/account/register/sms", fields, asScript: true));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, answers[2].Status);
        Assert.Contains(ClientRateLimits.TooManyMessage, answers[2].Body, StringComparison.Ordinal);
        Assert.Contains("\"sent\":false", answers[2].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_fresh_or_spoken_captchas_from_one_address_get_json_the_page_can_show()
    {
        var session = factory.NewSession();
        var page = await session.GetPageAsync("/account/login");
        var fields = new Dictionary<string, string?> { ["__RequestVerificationToken"] = Counter.CounterDeskSteps.Token(page), ["spoken"] = "true" };
        var fresh = await session.PostAsync("/captcha/new", fields, asScript: true);
        var spoken = System.Text.Json.JsonDocument.Parse(fresh.Body).RootElement.GetProperty("id").GetString();
        using var audio = await session.Client.GetAsync(new Uri($"/captcha/{spoken}/audio", UriKind.Relative));
        var third = await session.PostAsync("/captcha/new", fields, asScript: true);
        var fourth = await session.PostAsync("/captcha/new", fields, asScript: true);

        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.Status);
        Assert.Contains(ClientRateLimits.TooManyMessage, fourth.Body, StringComparison.Ordinal);

        // The picture of a captcha already shown is not limited: every form loads one.
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync(new Uri($"/captcha/{spoken}", UriKind.Relative))).StatusCode);
    }
}
