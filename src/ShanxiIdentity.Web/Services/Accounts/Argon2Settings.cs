namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>Argon2id cost, from <c>PasswordHashing:*</c>; OWASP's minimum by default (19 MiB, 2 passes, 1 lane).</summary>
public sealed record Argon2Settings(int MemoryKiB = 19 * 1024, int Passes = 2, int Lanes = 1)
{
    public static Argon2Settings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new Argon2Settings();
        return new Argon2Settings(
            configuration.GetValue("PasswordHashing:MemoryKiB", defaults.MemoryKiB),
            configuration.GetValue("PasswordHashing:Passes", defaults.Passes),
            configuration.GetValue("PasswordHashing:Lanes", defaults.Lanes));
    }

    /// <summary>True when a stored hash was made with less than these settings ask for.</summary>
    public bool IsStrongerThan(Argon2Settings stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored.MemoryKiB < MemoryKiB || stored.Passes < Passes;
    }
}
