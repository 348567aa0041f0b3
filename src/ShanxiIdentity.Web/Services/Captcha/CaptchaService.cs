using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Captcha;

public enum CaptchaVerdict
{
    Passed,
    Wrong,
    Expired,
}

/// <summary>
/// 图形验证码 held in the database: valid for five minutes, and answered once — right or wrong,
/// a checked captcha is spent, so an answer cannot be tried twice.
/// </summary>
public sealed class CaptchaService(PortalDbContext db, TimeProvider clock, CaptchaSettings settings)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public async Task<Guid> CreateAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var id = Guid.NewGuid();
        var answer = CaptchaImage.NewAnswer();
        db.CaptchaChallenges.Add(new CaptchaChallenge
        {
            Id = id,
            AnswerHash = Hash(id, answer),
            Image = CaptchaImage.Render(answer),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        // Now and then, sweep challenges nobody answered.
        if (RandomNumberGenerator.GetInt32(50) == 0)
        {
            var cutoff = now - TimeSpan.FromHours(1);
            await db.CaptchaChallenges.Where(c => c.ExpiresAt < cutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        return id;
    }

    public async Task<byte[]?> ImageAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.CaptchaChallenges.AsNoTracking()
            .Where(c => c.Id == id && c.ConsumedAt == null && c.ExpiresAt > now)
            .Select(c => c.Image)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<CaptchaVerdict> VerifyAsync(Guid? id, string? answer, CancellationToken cancellationToken = default)
    {
        if (id is not { } challengeId)
        {
            return CaptchaVerdict.Expired;
        }

        var now = clock.GetUtcNow().UtcDateTime;

        // Spend the challenge first, atomically: of two requests racing with one answer, one wins.
        var spent = await db.CaptchaChallenges
            .Where(c => c.Id == challengeId && c.ConsumedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ConsumedAt, now), cancellationToken).ConfigureAwait(false);
        if (spent == 0)
        {
            return CaptchaVerdict.Expired;
        }

        var challenge = await db.CaptchaChallenges.AsNoTracking()
            .Where(c => c.Id == challengeId)
            .Select(c => new { c.AnswerHash, c.ExpiresAt })
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        if (challenge.ExpiresAt <= now)
        {
            return CaptchaVerdict.Expired;
        }

        var typed = (answer ?? string.Empty).Trim().ToUpperInvariant();
        if (settings.FixedAnswer is { Length: > 0 } fixedAnswer && string.Equals(typed, fixedAnswer, StringComparison.OrdinalIgnoreCase))
        {
            return CaptchaVerdict.Passed;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(challengeId, typed)), Encoding.ASCII.GetBytes(challenge.AnswerHash))
            ? CaptchaVerdict.Passed
            : CaptchaVerdict.Wrong;
    }

    private static string Hash(Guid id, string answer) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{id:N}:{answer.ToUpperInvariant()}")));
}

/// <summary><c>Captcha:FixedAnswer</c>: for automated tests and benchmarks only; refused in Production.</summary>
public sealed record CaptchaSettings(string? FixedAnswer)
{
    public const string FixedAnswerKey = "Captcha:FixedAnswer";
}
