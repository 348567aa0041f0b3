using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Counter;

/// <summary>
/// A hash of a random password made by the portal's own hasher at its current cost, to verify a
/// password typed for a staff name that does not exist: the refusal then takes as long as a wrong
/// password for a real name, so the time of the answer does not tell which names are staff.
/// </summary>
public sealed class UnknownNamePassword(IPasswordHasher<Account> hasher)
{
    private readonly Account _nobody = new();
    private readonly Lazy<string> _hash = new(() => hasher.HashPassword(new Account(), RandomNumberGenerator.GetHexString(32)));

    /// <summary>Costs one verification; the result (a failure, but for a 128-bit guess) is not used.</summary>
    public PasswordVerificationResult Verify(string password) => hasher.VerifyHashedPassword(_nobody, _hash.Value, password);
}
