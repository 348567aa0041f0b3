using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using NSec.Cryptography;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// Argon2id through libsodium (NSec), stored as a PHC string
/// (<c>$argon2id$v=19$m=19456,t=2,p=1$salt$hash</c>) so its parameters travel with it and can be raised
/// later. Hashes of Identity's PBKDF2 hasher still verify and are upgraded on the next successful
/// login (SuccessRehashNeeded), as are Argon2id hashes made with weaker parameters. Every hash runs
/// in one of the <see cref="PasswordHashSlots"/>.
/// </summary>
public sealed class Argon2PasswordHasher(Argon2Settings settings, PasswordHashSlots slots) : IPasswordHasher<Account>
{
    private const string Prefix = "$argon2id$v=19$";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    private readonly PasswordHasher<Account> _legacy = new();

    public string HashPassword(Account user, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, settings);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}m={settings.MemoryKiB},t={settings.Passes},p={settings.Lanes}${Encode(salt)}${Encode(hash)}");
    }

    public PasswordVerificationResult VerifyHashedPassword(Account user, string hashedPassword, string providedPassword)
    {
        ArgumentNullException.ThrowIfNull(hashedPassword);
        ArgumentNullException.ThrowIfNull(providedPassword);
        if (!hashedPassword.StartsWith(Prefix, StringComparison.Ordinal))
        {
            // Identity's own PBKDF2 format: verify it, and ask for an Argon2id hash in its place.
            return _legacy.VerifyHashedPassword(user, hashedPassword, providedPassword) == PasswordVerificationResult.Failed
                ? PasswordVerificationResult.Failed
                : PasswordVerificationResult.SuccessRehashNeeded;
        }

        if (!TryParse(hashedPassword, out var stored, out var salt, out var expected))
        {
            return PasswordVerificationResult.Failed;
        }

        var actual = Derive(providedPassword, salt, stored);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected))
        {
            return PasswordVerificationResult.Failed;
        }

        return settings.IsStrongerThan(stored) ? PasswordVerificationResult.SuccessRehashNeeded : PasswordVerificationResult.Success;
    }

    private byte[] Derive(string password, byte[] salt, Argon2Settings cost)
    {
        var algorithm = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters
        {
            MemorySize = cost.MemoryKiB,
            NumberOfPasses = cost.Passes,
            DegreeOfParallelism = cost.Lanes,
        });
        return slots.Run(() => algorithm.DeriveBytes(Encoding.UTF8.GetBytes(password), salt, HashBytes));
    }

    private static bool TryParse(string phc, out Argon2Settings cost, out byte[] salt, out byte[] hash)
    {
        cost = new Argon2Settings();
        salt = hash = [];
        var parts = phc[Prefix.Length..].Split('$');
        if (parts.Length != 3)
        {
            return false;
        }

        int memory = 0, passes = 0, lanes = 0;
        foreach (var pair in parts[0].Split(','))
        {
            var (key, value) = (pair.Split('=')[0], pair.Split('=').ElementAtOrDefault(1));
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            switch (key)
            {
                case "m": memory = number; break;
                case "t": passes = number; break;
                case "p": lanes = number; break;
                default: return false;
            }
        }

        try
        {
            salt = Decode(parts[1]);
            hash = Decode(parts[2]);
        }
        catch (FormatException)
        {
            return false;
        }

        cost = new Argon2Settings(memory, passes, lanes);
        return memory > 0 && passes > 0 && lanes > 0 && hash.Length > 0;
    }

    // PHC strings use unpadded standard base64.
    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static byte[] Decode(string text) => Convert.FromBase64String(text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));
}
