using System.Security.Cryptography;
using System.Text;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// A 两步验证 recovery code as stored: PBKDF2-SHA256 with a 128-bit salt. The codes carry about 50
/// bits, below the 112 for which a plain hash would do (ASVS 5.0 V6.5.2), so a read of the table
/// does not give codes that open accounts. A stored code in clear (kept before hashing began) is
/// still compared, in constant time, until the next set replaces it.
/// </summary>
public static class RecoveryCodeHash
{
    private const string Prefix = "p1$";
    private const int Iterations = 20_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Hash(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return Prefix + Convert.ToBase64String(salt) + "$" + Convert.ToBase64String(Derive(code, salt));
    }

    public static bool Matches(string stored, string code)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(code);
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stored), Encoding.UTF8.GetBytes(code));
        }

        var parts = stored[Prefix.Length..].Split('$');
        return parts.Length == 2
            && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(parts[1]), Derive(code, Convert.FromBase64String(parts[0])));
    }

    private static byte[] Derive(string code, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(code), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
}
