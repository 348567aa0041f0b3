using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Web.Services.Sms;

/// <summary>What a code may be used for; a code sent for one purpose never opens another.</summary>
public static class SmsPurpose
{
    public const string Registration = "registration";
    public const string PasswordReset = "password-reset";
    public const string PhoneChangeOld = "phone-change-old";
    public const string PhoneChangeNew = "phone-change-new";

    /// <summary>A notice (a counter change applied), not a code: it does not count towards the send limits.</summary>
    public const string CounterNotice = "counter-notice";
}

public sealed record SmsSendResult(bool Sent, string Message);

public enum SmsCodeVerdict
{
    Passed,
    Wrong,
    Expired,
}

/// <summary>
/// 短信验证码: six digits, stored hashed, valid five minutes, voided after five wrong tries;
/// at most one send per phone a minute and ten a day, counted in a per-phone row updated with
/// optimistic concurrency (concurrent sends cannot both pass). Every message goes through the outbox.
/// </summary>
public sealed class SmsCodeService(PortalDbContext db, ISmsGateway gateway, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan ResendInterval = TimeSpan.FromSeconds(60);
    public const int DailyLimit = 10;
    public const int MaxWrongTries = 5;

    /// <summary>Sends a code to a number as typed on a form; a number that does not parse is refused with its reason.</summary>
    public Task<SmsSendResult> SendAsync(string? typedPhone, string purpose, CancellationToken cancellationToken = default)
    {
        var phone = MobilePhone.Parse(typedPhone);
        return phone.IsValid ? SendAsync(phone.Value!, purpose, cancellationToken) : Task.FromResult(new SmsSendResult(false, phone.Error!));
    }

    public async Task<SmsSendResult> SendAsync(MobilePhone phone, string purpose, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var now = clock.GetUtcNow().UtcDateTime;
        var throttle = await db.SmsThrottles.SingleOrDefaultAsync(t => t.Phone == phone.Value, cancellationToken).ConfigureAwait(false);
        if (throttle is not null && now - throttle.LastSentAt < ResendInterval)
        {
            return TooSoon(now - throttle.LastSentAt);
        }

        var startOfDay = ChinaDayStartUtc(now);
        var sentToday = throttle is not null && throttle.DayStart == startOfDay ? throttle.SentToday : 0;
        if (sentToday >= DailyLimit)
        {
            return new SmsSendResult(false, AccountMessages.SmsDailyLimit);
        }

        if (throttle is null)
        {
            throttle = new SmsThrottle { Phone = phone.Value };
            db.SmsThrottles.Add(throttle);
        }

        throttle.LastSentAt = now;
        throttle.DayStart = startOfDay;
        throttle.SentToday = sentToday + 1;
        throttle.Version = Guid.NewGuid();

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var id = Guid.NewGuid();
        var message = new SmsMessage
        {
            Phone = phone.Value,
            Purpose = purpose,
            Text = $"【山西政务服务网】您的验证码为{code}，5分钟内有效。如非本人操作，请忽略本短信。",
            CreatedAt = now,
        };
        db.SmsCodes.Add(new SmsCode
        {
            Id = id,
            Phone = phone.Value,
            Purpose = purpose,
            CodeHash = Hash(id, code),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        });
        db.SmsOutbox.Add(message);
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

        if (await gateway.DeliverAsync(phone.Value, message.Text, cancellationToken).ConfigureAwait(false))
        {
            message.DeliveredAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return new SmsSendResult(true, AccountMessages.SmsSent(phone.Masked));
    }

    /// <summary>Checks the newest live code for the phone and purpose; a right code is spent.</summary>
    public async Task<SmsCodeVerdict> VerifyAsync(MobilePhone phone, string purpose, string? code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = await db.SmsCodes.AsNoTracking()
            .Where(c => c.Phone == phone.Value && c.Purpose == purpose && c.ConsumedAt == null)
            .OrderByDescending(c => c.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (latest is null || latest.ExpiresAt <= now)
        {
            return SmsCodeVerdict.Expired;
        }

        var typed = (code ?? string.Empty).Trim();
        if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(latest.Id, typed)), Encoding.ASCII.GetBytes(latest.CodeHash)))
        {
            var spent = await db.SmsCodes.Where(c => c.Id == latest.Id && c.ConsumedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.ConsumedAt, now), cancellationToken).ConfigureAwait(false);
            return spent == 1 ? SmsCodeVerdict.Passed : SmsCodeVerdict.Expired;
        }

        // Count the wrong try in the database, and void the code at the limit.
        await db.SmsCodes.Where(c => c.Id == latest.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1), cancellationToken).ConfigureAwait(false);
        await db.SmsCodes.Where(c => c.Id == latest.Id && c.FailedAttempts >= MaxWrongTries && c.ConsumedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ConsumedAt, now), cancellationToken).ConfigureAwait(false);
        return SmsCodeVerdict.Wrong;
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
