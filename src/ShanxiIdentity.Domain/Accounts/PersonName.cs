using System.Text;

namespace ShanxiIdentity.Domain.Accounts;

/// <summary>Rules for the names people type: a citizen's 姓名 and an optional 用户名.</summary>
public static class PersonName
{
    /// <summary>
    /// A 姓名 as on the ID card: 2–50 letters after NFKC, Chinese or Latin, with the middle dot
    /// of minority and foreign names (·) and spaces between Latin words.
    /// </summary>
    public static string? NormalizeName(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var text = string.Join(' ', Identifiers.IdentifierText.Nfkc(input).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        text = text.Replace('•', '·').Replace('・', '·');
        if (text.Length is < 2 or > 50)
        {
            return null;
        }

        foreach (var c in text)
        {
            if (!(char.IsLetter(c) || c is '·' or ' '))
            {
                return null;
            }
        }

        return text;
    }

    /// <summary>用户名: 4–20 ASCII letters, digits or underscores, starting with a letter, so never mistaken for an ID number.</summary>
    public static bool IsValidUserName(string? userName)
    {
        if (userName is null || userName.Length is < 4 or > 20 || !char.IsAsciiLetter(userName[0]))
        {
            return false;
        }

        foreach (var c in userName)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
