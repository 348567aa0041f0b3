using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Counter;

public enum AuthenticatorVerdict
{
    Accepted,
    Wrong,

    /// <summary>Right for its time, but that step (or a later one) was already used, or the sign-in it belongs to is over.</summary>
    Used,
}

/// <summary>
/// A staff member's authenticator codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), checked
/// here rather than by Identity's provider, which accepts codes two steps either side and the same
/// code again. A code is accepted at most one step from the portal's clock, and only for a step
/// later than the last one the account used (§5.2): the step is claimed by one conditional UPDATE,
/// so of two parallel uses of one code (on any instances) exactly one passes.
/// </summary>
public sealed class AuthenticatorCodes(PortalDbContext db, UserManager<Account> users, TimeProvider clock)
{
    public const int StepSeconds = 30;

    /// <summary>Steps of drift accepted either side of the clock's.</summary>
    public const int AllowedDrift = 1;

    /// <param name="lastStepSeen">
    /// The account's last used step when the sign-in began (carried by the staff ticket): the claim
    /// succeeds only if no sign-in completed since, which makes the ticket single use too.
    /// </param>
    public async Task<AuthenticatorVerdict> AcceptAsync(Account account, string digits, long? lastStepSeen, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (Base32Decode(await users.GetAuthenticatorKeyAsync(account).ConfigureAwait(false)) is not { } secret)
        {
            return AuthenticatorVerdict.Wrong;
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        long? matched = null;
        for (var step = now - AllowedDrift; step <= now + AllowedDrift; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(secret, step)), Encoding.ASCII.GetBytes(digits)))
            {
                matched = step;
            }
        }

        if (matched is not { } used)
        {
            return AuthenticatorVerdict.Wrong;
        }

        if (lastStepSeen is { } last && used <= last)
        {
            return AuthenticatorVerdict.Used;
        }

        var claimed = await db.Users
            .Where(a => a.Id == account.Id && a.LastAuthenticatorStep == lastStepSeen)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.LastAuthenticatorStep, used), cancellationToken)
            .ConfigureAwait(false);
        if (claimed != 1)
        {
            return AuthenticatorVerdict.Used;
        }

        // The tracked account learns the claimed step as saved (a later save of it must not write the old one back).
        var tracked = db.Entry(account).Property(a => a.LastAuthenticatorStep);
        tracked.OriginalValue = used;
        tracked.CurrentValue = used;
        return AuthenticatorVerdict.Accepted;
    }

    /// <summary>RFC 6238 / RFC 4226 for one time step.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "RFC 6238 as authenticator apps compute it; HMAC-SHA1 is not weakened by SHA-1 collisions.")]
    public static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7FFFFFFF) % 1_000_000;
        return binary.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32 (Identity's authenticator keys: A–Z, 2–7, no padding); null if it is not.</summary>
    public static byte[]? Base32Decode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var trimmed = text.TrimEnd('=').ToUpperInvariant();
        var bytes = new byte[trimmed.Length * 5 / 8];
        int buffer = 0, bits = 0, index = 0;
        foreach (var c in trimmed)
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes[index++] = (byte)(buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }

        return bytes;
    }
}
