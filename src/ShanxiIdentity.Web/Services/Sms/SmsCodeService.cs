using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Domain.Sms;

namespace ShanxiIdentity.Web.Services.Sms;

/// <summary>
/// 短信验证码: six digits, stored hashed, valid five minutes, voided after five wrong tries (each
/// try claimed by a conditional update before the comparison, so concurrent guesses get exactly
/// five). At most one send per phone a minute, counted in a per-phone row updated with optimistic
/// concurrency (concurrent sends cannot both pass), and ten a day per phone and purpose, so the sends
/// anyone can trigger (registration, 忘记密码) never use up the holder's own (phone change on
/// 我的账号). The code's message goes into the outbox in the same save as the code (the worker
/// delivers it); a message the gateway could not take before the code expires is never sent.
/// </summary>
public sealed class SmsCodeService(PortalDbContext db, SmsOutbox outbox, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = SmsCodeLifetime.Value;
    public static readonly TimeSpan ResendInterval = TimeSpan.FromSeconds(60);

    /// <summary>Codes a day to one phone for one purpose.</summary>
    public const int DailyLimit = 10;
    public const int MaxWrongTries = 5;

    /// <summary>Sends a code to a number as typed on a form; a number that does not parse is refused with its reason.</summary>
    public Task<SmsSendResult> SendAsync(string? typedPhone, string purpose, CancellationToken cancellationToken = default)
    {
        var phone = MobilePhone.Parse(typedPhone);
        return phone.IsValid ? SendAsync(phone.Value!, purpose, cancellationToken) : Task.FromResult(new SmsSendResult(false, phone.Error!));
    }

    public Task<SmsSendResult> SendAsync(MobilePhone phone, string purpose, CancellationToken cancellationToken = default) =>
        SendAsync(phone, purpose, null, cancellationToken);

    /// <param name="sentMessage">What the sender is told once sent; by default the masked phone the code went to.</param>
    public Task<SmsSendResult> SendAsync(MobilePhone phone, string purpose, string? sentMessage, CancellationToken cancellationToken = default) =>
        SendAsync(phone, purpose, sentMessage, deliver: true, cancellationToken);

    /// <summary>
    /// Everything a send does (interval, daily budget, a code row nobody knows, the same answer) but
    /// no message: for a form that must not tell whether the phone belongs to an account (短信验证码登录).
    /// </summary>
    public Task<SmsSendResult> DecoyAsync(MobilePhone phone, string purpose, CancellationToken cancellationToken = default) =>
        SendAsync(phone, purpose, null, deliver: false, cancellationToken);

    private async Task<SmsSendResult> SendAsync(MobilePhone phone, string purpose, string? sentMessage, bool deliver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var now = clock.GetUtcNow().UtcDateTime;

        // The throttle row first: every send to the phone changes its version, so the count below
        // cannot be overtaken by a concurrent send that saves first (that save makes ours fail).
        var throttle = await db.SmsThrottles.SingleOrDefaultAsync(t => t.Phone == phone.Value, cancellationToken).ConfigureAwait(false);
        if (throttle is not null && now - throttle.LastSentAt < ResendInterval)
        {
            return TooSoon(now - throttle.LastSentAt);
        }

        var startOfDay = ChinaDayStartUtc(now);
        var sentForPurpose = await db.SmsCodes
            .CountAsync(c => c.Phone == phone.Value && c.Purpose == purpose && c.CreatedAt >= startOfDay, cancellationToken).ConfigureAwait(false);
        if (sentForPurpose >= DailyLimit)
        {
            return new SmsSendResult(false, AccountMessages.SmsDailyLimit);
        }

        if (throttle is null)
        {
            throttle = new SmsThrottle { Phone = phone.Value };
            db.SmsThrottles.Add(throttle);
        }

        throttle.LastSentAt = now;
        throttle.Version = Guid.NewGuid();

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var id = Guid.NewGuid();
        db.SmsCodes.Add(new SmsCode
        {
            Id = id,
            Phone = phone.Value,
            Purpose = purpose,
            CodeHash = Hash(id, code),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        });
        if (deliver)
        {
            outbox.Add(phone.Value, SmsMessages.VerificationCode(code), purpose, discardAfter: now + Lifetime);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // A concurrent send to the same phone moved the throttle first (or created it): it won.
            db.ChangeTracker.Clear();
            return TooSoon(TimeSpan.Zero);
        }

        return new SmsSendResult(true, sentMessage ?? AccountMessages.SmsSent(phone.Masked));
    }

    /// <summary>Checks the newest live code for the phone and purpose; a right code is spent.</summary>
    public async Task<SmsCodeVerdict> VerifyAsync(MobilePhone phone, string purpose, string? code, CancellationToken cancellationToken = default)
    {
        var check = await CheckAsync(phone, purpose, code, cancellationToken).ConfigureAwait(false);
        if (!check.Passed)
        {
            return check.Verdict;
        }

        return await SpendAsync(check.CodeId!.Value, cancellationToken).ConfigureAwait(false) ? SmsCodeVerdict.Passed : SmsCodeVerdict.Expired;
    }

    /// <summary>
    /// Checks the newest live code for the phone and purpose without spending a right one (a wrong
    /// one counts a try): forms that ask gateways or the database anything prove the phone first.
    /// </summary>
    public async Task<SmsCodeCheck> CheckAsync(MobilePhone phone, string purpose, string? code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = await db.SmsCodes.AsNoTracking()
            .Where(c => c.Phone == phone.Value && c.Purpose == purpose && c.ConsumedAt == null)
            .OrderByDescending(c => c.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (latest is null || latest.ExpiresAt <= now)
        {
            return new SmsCodeCheck(SmsCodeVerdict.Expired);
        }

        // Claim a try before comparing: the database lets exactly MaxWrongTries claims through,
        // however many guesses arrive at once.
        var claimed = await db.SmsCodes.Where(c => c.Id == latest.Id && c.ConsumedAt == null && c.FailedAttempts < MaxWrongTries)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1), cancellationToken).ConfigureAwait(false);
        if (claimed == 0)
        {
            return new SmsCodeCheck(SmsCodeVerdict.Expired);
        }

        var typed = (code ?? string.Empty).Trim();
        if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(latest.Id, typed)), Encoding.ASCII.GetBytes(latest.CodeHash)))
        {
            // A right code gives its try back: only wrong ones count.
            await db.SmsCodes.Where(c => c.Id == latest.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.FailedAttempts, c => c.FailedAttempts - 1), cancellationToken).ConfigureAwait(false);
            return new SmsCodeCheck(SmsCodeVerdict.Passed, latest.Id);
        }

        // The try that reached the limit voids the code.
        await db.SmsCodes.Where(c => c.Id == latest.Id && c.FailedAttempts >= MaxWrongTries && c.ConsumedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ConsumedAt, now), cancellationToken).ConfigureAwait(false);
        return new SmsCodeCheck(SmsCodeVerdict.Wrong);
    }

    /// <summary>
    /// Counts one try of a code that passed <see cref="CheckAsync"/> against a refusal that followed it
    /// (a name that does not match, a number already registered): one code must not answer question
    /// after question, each a call to a paid gateway. The try that reaches the limit voids the code.
    /// </summary>
    public async Task CountTryAsync(Guid codeId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.SmsCodes.Where(c => c.Id == codeId && c.ConsumedAt == null && c.FailedAttempts < MaxWrongTries)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1), cancellationToken).ConfigureAwait(false);
        await db.SmsCodes.Where(c => c.Id == codeId && c.FailedAttempts >= MaxWrongTries && c.ConsumedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ConsumedAt, now), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Spends a code that passed <see cref="CheckAsync"/>; false when it was spent, voided or expired meanwhile.</summary>
    public async Task<bool> SpendAsync(Guid codeId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.SmsCodes.Where(c => c.Id == codeId && c.ConsumedAt == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ConsumedAt, now), cancellationToken).ConfigureAwait(false) == 1;
    }

    private static SmsSendResult TooSoon(TimeSpan sinceLast) =>
        new(false, AccountMessages.SmsTooSoon((int)Math.Ceiling((ResendInterval - sinceLast).TotalSeconds)));

    public static string Message(SmsCodeVerdict verdict) => verdict switch
    {
        SmsCodeVerdict.Wrong => AccountMessages.SmsCodeWrong,
        _ => AccountMessages.SmsCodeExpired,
    };

    private static DateTime ChinaDayStartUtc(DateTime utcNow)
    {
        var china = utcNow.AddHours(8);
        return china.Date.AddHours(-8);
    }

    private static string Hash(Guid id, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{id:N}:{code}")));
}
