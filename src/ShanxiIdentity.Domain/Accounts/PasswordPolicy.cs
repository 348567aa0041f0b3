namespace ShanxiIdentity.Domain.Accounts;

/// <summary>
/// The portal's password rule: 8 to 64 characters, at least three of upper case, lower case,
/// digit and symbol, and not containing the holder's ID number or phone.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 64;

    /// <summary>The reasons the password is refused; empty when it is acceptable.</summary>
    public static IReadOnlyList<string> Check(string? password, string? idNumber = null, string? phone = null)
    {
        password ??= string.Empty;
        var errors = new List<string>();
        if (password.Length > MaximumLength)
        {
            errors.Add(AccountMessages.PasswordTooLong);
        }
        else if (password.Length < MinimumLength || CharacterClasses(password) < 3)
        {
            errors.Add(AccountMessages.PasswordTooWeak);
        }

        if (!string.IsNullOrEmpty(idNumber) && password.Contains(idNumber, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(AccountMessages.PasswordContainsIdNumber);
        }

        if (!string.IsNullOrEmpty(phone) && password.Contains(phone, StringComparison.Ordinal))
        {
            errors.Add(AccountMessages.PasswordContainsPhone);
        }

        return errors;
    }

    private static int CharacterClasses(string password)
    {
        bool upper = false, lower = false, digit = false, symbol = false;
        foreach (var c in password)
        {
            if (c is >= 'A' and <= 'Z')
            {
                upper = true;
            }
            else if (c is >= 'a' and <= 'z')
            {
                lower = true;
            }
            else if (c is >= '0' and <= '9')
            {
                digit = true;
            }
            else if (!char.IsWhiteSpace(c) && !char.IsControl(c))
            {
                symbol = true;
            }
        }

        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }
}
