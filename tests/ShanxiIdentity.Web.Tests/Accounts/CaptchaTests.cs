using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Tests.Infrastructure;
using static ShanxiIdentity.Web.Tests.Infrastructure.CitizenJourney;

namespace ShanxiIdentity.Web.Tests.Accounts;

/// <summary>
/// 图形验证码 and its non-visual alternative, 语音验证码 (WCAG 1.1.1, docs/decisions/0011): both are
/// read back as a client would read them, and the spoken answer is the one the form checks.
/// </summary>
public abstract class CaptchaTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task The_picture_is_a_valid_png_of_dark_characters_on_a_light_ground()
    {
        var session = factory.NewSession();
        var page = await session.GetPageAsync(LoginUrl);

        using var response = await session.Client.GetAsync(new Uri(page.QuerySelector("[data-captcha-image]")!.GetAttribute("src")!, UriKind.Relative));
        var picture = CaptchaFiles.DecodePng(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal((150, 50), (picture.Width, picture.Height));
        var pixels = picture.Rgb.Chunk(3).ToList();
        Assert.True(pixels.Count(p => p.All(c => c >= 200)) > pixels.Count / 2, "the ground is light");
        Assert.True(pixels.Count(p => p.All(c => c <= 160)) > 400, "characters and noise are drawn dark on it");
    }

    [Fact]
    public async Task A_spoken_captcha_says_six_digits_and_the_login_form_accepts_what_was_heard()
    {
        var (citizen, session, page, spoken, heard) = await ListenOnTheLoginPageAsync();
        Assert.Matches("^[0-9]{6}$", heard);

        // Typed with a pause between the groups, as a person listening does.
        var loggedIn = await session.SubmitAsync(page, LoginUrl, new Dictionary<string, string?>
        {
            ["Account"] = citizen.IdNumber, ["Password"] = citizen.Password, ["CaptchaId"] = spoken, ["Captcha"] = $"{heard[..3]} {heard[3..]}",
        });
        Assert.Equal(HttpStatusCode.Redirect, loggedIn.Status);
        Assert.Equal("/my", loggedIn.Location);
    }

    [Fact]
    public async Task A_spoken_captcha_refuses_other_digits_and_comes_back_spoken()
    {
        var (citizen, session, page, spoken, heard) = await ListenOnTheLoginPageAsync();
        var fields = MisheardLogin(citizen, spoken, heard);

        var wrong = await session.SubmitAsync(page, LoginUrl, fields);
        Assert.Equal(AccountMessages.CaptchaWrong, wrong.FieldError("Captcha"));
        // The form comes back with a spoken captcha and its player, not a picture to ask for again.
        var next = wrong.Page.QuerySelector("[data-captcha-id]")!.GetAttribute("value")!;
        Assert.Equal($"/captcha/{next}/audio", wrong.Page.QuerySelector("[data-captcha-audio]")!.GetAttribute("src"));
        Assert.False(wrong.Page.QuerySelector("[data-captcha-audio]")!.HasAttribute("hidden"));
        using var nextAudio = await session.Client.GetAsync(new Uri($"/captcha/{next}/audio", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, nextAudio.StatusCode);
    }

    [Fact]
    public async Task A_spoken_captcha_answers_only_once_even_when_the_first_answer_was_wrong()
    {
        var (citizen, session, page, spoken, heard) = await ListenOnTheLoginPageAsync();
        var fields = MisheardLogin(citizen, spoken, heard);
        await session.SubmitAsync(page, LoginUrl, fields);

        fields["Captcha"] = heard;
        var replayed = await session.SubmitAsync(page, LoginUrl, fields);
        Assert.Equal(AccountMessages.CaptchaExpired, replayed.FieldError("Captcha"));
    }

    [Fact]
    public async Task Only_a_live_spoken_captcha_is_spoken()
    {
        var session = factory.NewSession();
        var page = await session.GetPageAsync(LoginUrl);
        var picture = page.QuerySelector("[data-captcha-id]")!.GetAttribute("value")!;
        var spoken = await NewSpokenCaptchaAsync(session, page);

        using var pictureOnly = await session.Client.GetAsync(new Uri($"/captcha/{picture}/audio", UriKind.Relative));
        using var forged = await session.Client.GetAsync(new Uri($"/captcha/{spoken[..^4]}AAAA/audio", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, pictureOnly.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }

    [Fact]
    public async Task A_picture_captcha_whose_answer_happens_to_be_all_digits_is_not_spoken()
    {
        // One picture answer in about 180 is all digits (3, 4, 6–9 are in its alphabet): it stays a picture.
        var protector = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("ShanxiIdentity.Captcha");
        var expires = factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(10).Ticks.ToString(CultureInfo.InvariantCulture);
        var picture = protector.Protect($"{Guid.NewGuid():N}|3468|{expires}|p");
        var spoken = protector.Protect($"{Guid.NewGuid():N}|346877|{expires}|s");
        var session = factory.NewSession();

        using var pictureAudio = await session.Client.GetAsync(new Uri($"/captcha/{picture}/audio", UriKind.Relative));
        using var pictureImage = await session.Client.GetAsync(new Uri($"/captcha/{picture}", UriKind.Relative));
        using var spokenAudio = await session.Client.GetAsync(new Uri($"/captcha/{spoken}/audio", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, pictureAudio.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pictureImage.StatusCode);
        Assert.Equal("346877", CaptchaFiles.HearDigits(await spokenAudio.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task The_same_spoken_digits_never_make_the_same_file_twice()
    {
        var session = factory.NewSession();
        var spoken = await NewSpokenCaptchaAsync(session, await session.GetPageAsync(LoginUrl));

        using var twice = await session.Client.GetAsync(new Uri($"/captcha/{spoken}/audio", UriKind.Relative));
        using var again = await session.Client.GetAsync(new Uri($"/captcha/{spoken}/audio", UriKind.Relative));

        // Mixed afresh each time (pauses, loudness, noise).
        Assert.NotEqual(await twice.Content.ReadAsByteArrayAsync(), await again.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Listening_to_a_spoken_captcha_writes_nothing()
    {
        var spentBefore = await factory.QueryAsync(db => db.SpentCaptchas.CountAsync());
        var session = factory.NewSession();
        var spoken = await NewSpokenCaptchaAsync(session, await session.GetPageAsync(LoginUrl));

        using var audio = await session.Client.GetAsync(new Uri($"/captcha/{spoken}/audio", UriKind.Relative));
        using var again = await session.Client.GetAsync(new Uri($"/captcha/{spoken}/audio", UriKind.Relative));

        Assert.Equal(spentBefore, await factory.QueryAsync(db => db.SpentCaptchas.CountAsync()));
    }

    /// <summary>A citizen on the login page who chose 听语音验证码 and heard it: the spoken token and its digits as decoded.</summary>
    private async Task<(Citizen Citizen, PortalSession Session, IDocument Page, string Spoken, string Heard)> ListenOnTheLoginPageAsync()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var session = factory.NewSession();
        var page = await session.GetPageAsync(LoginUrl);
        var spoken = await NewSpokenCaptchaAsync(session, page);
        using var audio = await session.Client.GetAsync(new Uri($"/captcha/{spoken}/audio", UriKind.Relative));
        Assert.Equal("audio/wav", audio.Content.Headers.ContentType!.MediaType);
        return (citizen, session, page, spoken, CaptchaFiles.HearDigits(await audio.Content.ReadAsByteArrayAsync()));
    }

    /// <summary>The login form with every digit heard one off.</summary>
    private static Dictionary<string, string?> MisheardLogin(Citizen citizen, string spoken, string heard) => new()
    {
        ["Account"] = citizen.IdNumber, ["Password"] = citizen.Password, ["CaptchaId"] = spoken, ["CaptchaSpoken"] = "true",
        ["Captcha"] = string.Concat(heard.Select(d => (char)('0' + ((d - '0' + 1) % 10)))),
    };

    private static async Task<string> NewSpokenCaptchaAsync(PortalSession session, IDocument page)
    {
        var antiforgery = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var answer = await session.PostAsync("/captcha/new", new Dictionary<string, string?> { ["__RequestVerificationToken"] = antiforgery, ["spoken"] = "true" }, asScript: true);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        using var json = JsonDocument.Parse(answer.Body);
        return json.RootElement.GetProperty("id").GetString()!;
    }
}

public sealed class CaptchaTestsOnSqlite(SqlitePortalFactory factory) : CaptchaTests<SqlitePortalFactory>(factory);

public sealed class CaptchaTestsOnPostgreSql(PostgreSqlPortalFactory factory) : CaptchaTests<PostgreSqlPortalFactory>(factory);
