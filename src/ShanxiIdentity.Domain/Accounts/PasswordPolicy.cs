using Zxcvbn.Matcher;

namespace ShanxiIdentity.Domain.Accounts;

/// <summary>
/// The portal's password rule: 8 to 64 characters, at least three of upper case, lower case,
/// digit and symbol, not containing the holder's ID number or phone, and not guessable: zxcvbn
/// (common passwords, words, names, keyboard walks, sequences, dates, and the holder's own ID
/// number, birth date, phone and login name) must rate it at least <see cref="MinimumStrength"/>.
/// Every form that sets a password goes through here (and through Identity's validator, which calls it).
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 64;

    /// <summary>zxcvbn's score, 0–4: 3 is "safely unguessable" for an online attack with throttling.</summary>
    public const int MinimumStrength = 3;

    // One estimator for the process: building one loads its word lists (about half a second).
    // A lock keeps it safe to share; an estimate takes about a millisecond.
    private static readonly Zxcvbn.Zxcvbn Estimator = new();
    private static readonly Lock EstimatorLock = new();

    /// <summary>The reasons the password is refused; empty when it is acceptable.</summary>
    public static IReadOnlyList<string> Check(string? password, string? idNumber = null, string? phone = null, string? loginName = null)
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

        // Only a password that passes the plain rules is worth estimating (one message at a time).
        if (errors.Count == 0 && GuessableBecause(password, idNumber, phone, loginName) is { } reason)
        {
            errors.Add(AccountMessages.PasswordGuessable(reason));
        }

        return errors;
    }

    /// <summary>Why zxcvbn rates the password below <see cref="MinimumStrength"/>, or null when it does not.</summary>
    private static string? GuessableBecause(string password, string? idNumber, string? phone, string? loginName)
    {
        Zxcvbn.Result result;
        lock (EstimatorLock)
        {
            result = Estimator.EvaluatePassword(password, UserInputs(idNumber, phone, loginName));
        }

        if (result.Score >= MinimumStrength)
        {
            return null;
        }

        // Name the pattern that gives the most of the password away.
        var matches = result.MatchSequence.Where(m => m.Pattern != "bruteforce").ToList();
        if (matches.OfType<DictionaryMatch>().Any(m => m.DictionaryName == "user_inputs"))
        {
            return AccountMessages.GuessablePersonalInformation;
        }

        return matches.OrderByDescending(m => m.Token.Length).FirstOrDefault() switch
        {
            DictionaryMatch { DictionaryName: "passwords" } => AccountMessages.GuessableCommonPassword,
            DictionaryMatch => AccountMessages.GuessableCommonWords,
            { Pattern: "spatial" } => AccountMessages.GuessableKeyboard,
            { Pattern: "repeat" } => AccountMessages.GuessableRepeat,
            { Pattern: "sequence" } => AccountMessages.GuessableSequence,
            { Pattern: "date" or "year" } => AccountMessages.GuessableDate,
            _ => AccountMessages.GuessableShort,
        };
    }

    /// <summary>
    /// What an attacker who knows the holder would try: the ID number and its tail (身份证后六位 is a
    /// habit), the birth date it carries in its usual forms, the phone and its tails, the login name.
    /// </summary>
    private static List<string> UserInputs(string? idNumber, string? phone, string? loginName)
    {
        var inputs = new List<string>();
        if (idNumber is { Length: 18 })
        {
            var birth = idNumber[6..14];
            inputs.AddRange([idNumber, idNumber[^6..], idNumber[^4..], birth, birth[2..], birth[..4], birth[4..]]);
        }

        if (phone is { Length: >= 8 })
        {
            inputs.AddRange([phone, phone[^8..], phone[^6..], phone[^4..]]);
        }

        if (!string.IsNullOrWhiteSpace(loginName))
        {
            inputs.Add(loginName);
        }

        return inputs.Select(i => i.ToLowerInvariant()).Distinct().ToList();
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
