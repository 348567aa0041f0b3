using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Captcha;

/// <summary>
/// 图形验证码: valid for <see cref="Lifetime"/>, and answered once — right or wrong, a checked captcha is
/// spent, so an answer cannot be tried twice. The challenge (its id, answer and expiry) travels in
/// the form as a Data Protection token, which any instance can open and nobody else can read; showing
/// a form writes nothing, and only checking one writes a row (docs/decisions/0003).
/// </summary>
public sealed class CaptchaService(PortalDbContext db, TimeProvider clock, CaptchaSettings settings, IDataProtectionProvider protection)
{
    /// <summary>
    /// Long enough to fill in the longest form (法人注册, which takes an elderly person a while) after the
    /// page loads; the page's script renews it a minute before it runs out anyway (issue #19). Being
    /// answered once, a long lifetime gives no more guesses.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(20);

    private readonly IDataProtector _protector = protection.CreateProtector("ShanxiIdentity.Captcha");

    /// <param name="Spoken">Chosen as 语音验证码: only these are spoken (a picture's answer can be all digits too).</param>
    private sealed record Challenge(Guid Id, string Answer, DateTime ExpiresAt, bool Spoken);

    private const string SpokenMark = "s";
    private const string PictureMark = "p";

    /// <summary>
    /// A new challenge, as the token the form carries and the image address names. A spoken one
    /// (语音验证码) is six digits, drawn as well as spoken, so sight and hearing answer the same thing.
    /// </summary>
    public string Create(bool spoken = false)
    {
        var expires = clock.GetUtcNow().UtcDateTime + Lifetime;
        var answer = spoken ? CaptchaImage.NewAnswer(CaptchaAudio.AnswerLength, CaptchaImage.Digits) : CaptchaImage.NewAnswer();
        var payload = string.Join('|', Guid.NewGuid().ToString("N"), answer, expires.Ticks.ToString(CultureInfo.InvariantCulture), spoken ? SpokenMark : PictureMark);
        return _protector.Protect(payload);
    }

    /// <summary>The PNG of a live challenge, drawn on request; null for a token that is forged or out of date.</summary>
    public byte[]? Image(string? token) => Live(token) is { } challenge ? CaptchaImage.Render(challenge.Answer) : null;

    /// <summary>The WAV of a live spoken challenge; null for a picture-only, forged or out-of-date token.</summary>
    public byte[]? Audio(string? token) =>
        Live(token) is { Spoken: true } challenge ? CaptchaAudio.Render(challenge.Answer) : null;

    private Challenge? Live(string? token) =>
        Open(token) is { } challenge && challenge.ExpiresAt > clock.GetUtcNow().UtcDateTime ? challenge : null;

    public async Task<CaptchaVerdict> VerifyAsync(string? token, string? answer, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (Open(token) is not { } challenge || challenge.ExpiresAt <= now)
        {
            return CaptchaVerdict.Expired;
        }

        // Spend it first, atomically: of two requests racing with one token, the primary key lets one win.
        db.SpentCaptchas.Add(new SpentCaptcha { Id = challenge.Id, ExpiresAt = challenge.ExpiresAt });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return CaptchaVerdict.Expired;
        }

        // Now and then, forget spent captchas that could no longer be used anyway.
        if (RandomNumberGenerator.GetInt32(50) == 0)
        {
            await db.SpentCaptchas.Where(c => c.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        // Full-width characters and spaces are what a Chinese input method or a pause between heard digits leaves.
        var typed = string.Concat((answer ?? string.Empty).Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (settings.FixedAnswer is { Length: > 0 } fixedAnswer && string.Equals(typed, fixedAnswer, StringComparison.OrdinalIgnoreCase))
        {
            return CaptchaVerdict.Passed;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(typed), Encoding.UTF8.GetBytes(challenge.Answer.ToUpperInvariant()))
            ? CaptchaVerdict.Passed
            : CaptchaVerdict.Wrong;
    }

    private Challenge? Open(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(token).Split('|');
            return parts is [var id, var answer, var ticks, var kind and (SpokenMark or PictureMark)]
                && Guid.TryParseExact(id, "N", out var challengeId)
                && long.TryParse(ticks, CultureInfo.InvariantCulture, out var expires)
                ? new Challenge(challengeId, answer, new DateTime(expires, DateTimeKind.Utc), kind == SpokenMark)
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
