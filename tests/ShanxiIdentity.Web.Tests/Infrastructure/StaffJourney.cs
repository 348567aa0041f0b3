using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using ShanxiIdentity.Web.Services.Counter;

namespace ShanxiIdentity.Web.Tests.Infrastructure;

/// <summary>A staff member after the first sign-in: their own password and their authenticator's key.</summary>
public sealed record StaffMember(string LoginName, string Password, string AuthenticatorKey)
{
    /// <summary>What the authenticator app shows now (RFC 6238 by Otp.NET, independent of the portal's code).</summary>
    public string CurrentCode => Code(AuthenticatorKey);

    public static string Code(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow);

    /// <summary>The code by the portal's clock, which a test may have moved forward (the portal checks codes by it).</summary>
    public static string Code(string key, TimeProvider portalClock) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(portalClock.GetUtcNow().UtcDateTime);

    /// <summary>The code of a time step <paramref name="steps"/> away from now (negative: an old code).</summary>
    public static string CodeAt(string key, int steps) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * steps));

    private static readonly Dictionary<string, long> LastGivenStep = [];

    /// <summary>
    /// A code of a time step not given before for this key (the portal accepts each step once, and
    /// one step of drift): the current step, else the next one, else it waits for the next step.
    /// </summary>
    public static async Task<string> UnusedCodeAsync(string key)
    {
        while (true)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            long? step = null;
            lock (LastGivenStep)
            {
                var next = LastGivenStep.TryGetValue(key, out var last) ? Math.Max(now, last + 1) : now;
                if (next <= now + 1)
                {
                    LastGivenStep[key] = next;
                    step = next;
                }
            }

            if (step is { } given)
            {
                return new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(given * 30).UtcDateTime);
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Waits, if needed, until at least <paramref name="seconds"/> remain in the current time step (for tests of step edges).</summary>
    public static async Task AwayFromStepEdgeAsync(int seconds = 5)
    {
        var into = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % 30_000;
        if (30_000 - into < seconds * 1000)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(30_000 - into + 200));
        }
    }
}

/// <summary>The staff side of the portal through its real forms: creation, first sign-in, sign-in.</summary>
public static class StaffJourney
{
    public const string LoginUrl = "/counter/login";
    public const string StaffPassword = "Counter#2026pw";

    public static string NewLoginName() => "staff" + Random.Shared.Next(100_000, 999_999);

    /// <summary>Creates the account as an administrator would; returns the one-time password.</summary>
    public static async Task<(string LoginName, string InitialPassword)> CreateStaffAsync(this PortalFactory factory, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.CreateScope();
        var loginName = NewLoginName();
        var created = await scope.ServiceProvider.GetRequiredService<StaffDirectory>().CreateAsync(loginName, "王晓明", roles, createdBy: null);
        Assert.True(created.Succeeded, created.Error);
        return (loginName, created.InitialPassword!);
    }

    /// <summary>Password and captcha on /counter/login: the page that comes next (code or enrolment).</summary>
    public static async Task<PortalSession.Submitted> SubmitStaffPasswordAsync(this PortalSession session, string loginName, string password)
    {
        ArgumentNullException.ThrowIfNull(session);
        var page = await session.GetPageAsync(LoginUrl);
        return await session.SubmitAsync(page, LoginUrl, new Dictionary<string, string?> { ["LoginName"] = loginName, ["Password"] = password });
    }

    /// <summary>A new staff member with the roles, through the first sign-in (authenticator bound), signed in on the session.</summary>
    public static async Task<(StaffMember Member, PortalSession Session)> SignedInStaffAsync(this PortalFactory factory, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (loginName, initialPassword) = await factory.CreateStaffAsync(roles);
        var session = factory.NewSession();
        return (await session.EnrolAsync(loginName, initialPassword), session);
    }

    /// <summary>The key the enrolment page shows (grouped in fours, lower case), as an authenticator app reads it.</summary>
    public static string AuthenticatorKey(IDocument page) =>
        (page ?? throw new ArgumentNullException(nameof(page))).QuerySelector("[data-authenticator-key]")?.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant()
        ?? throw new InvalidOperationException("No authenticator key on the page \"" + page.Title + "\".");

    /// <summary>The first sign-in with a one-time password: binds the authenticator and sets <see cref="StaffPassword"/>.</summary>
    public static async Task<StaffMember> EnrolAsync(this PortalSession session, string loginName, string oneTimePassword)
    {
        ArgumentNullException.ThrowIfNull(session);
        var enrolPage = await session.SubmitStaffPasswordAsync(loginName, oneTimePassword);
        Assert.True(enrolPage.Page.QuerySelector("form[action='/counter/login/enrol']") is not null, "No first sign-in page: " + string.Join(" | ", enrolPage.Errors));
        var key = AuthenticatorKey(enrolPage.Page);
        var enrolled = await session.SubmitAsync(enrolPage.Page, "/counter/login/enrol", new Dictionary<string, string?>
        {
            ["Password"] = StaffPassword,
            ["ConfirmPassword"] = StaffPassword,
            ["Code"] = await StaffMember.UnusedCodeAsync(key),
        });
        Assert.True(enrolled.Location == "/counter", $"First sign-in did not finish: {enrolled.Status} {string.Join(" | ", enrolled.Errors)}");
        return new StaffMember(loginName, StaffPassword, key);
    }

    /// <summary>Password, then the authenticator code: the answer to the code step.</summary>
    public static async Task<PortalSession.Submitted> StaffLogInAsync(this PortalSession session, StaffMember member, string? code = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(member);
        var codePage = await session.SubmitStaffPasswordAsync(member.LoginName, member.Password);
        Assert.True(codePage.Page.QuerySelector("form[action='/counter/login/code']") is not null, "No code step: " + string.Join(" | ", codePage.Errors));
        return await session.SubmitAsync(codePage.Page, "/counter/login/code", new Dictionary<string, string?> { ["Code"] = code ?? await StaffMember.UnusedCodeAsync(member.AuthenticatorKey) });
    }
}
