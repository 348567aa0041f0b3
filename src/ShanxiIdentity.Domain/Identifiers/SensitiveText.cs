using System.Text.RegularExpressions;

namespace ShanxiIdentity.Domain.Identifiers;

/// <summary>Masking of personal identifiers for screens and logs.</summary>
public static partial class SensitiveText
{
    /// <summary>140***********123X: the first 3 and last 4 characters stay.</summary>
    public static string MaskIdNumber(string value) => MaskMiddle(value, 3, 4);

    /// <summary>138****1234: the first 3 and last 4 digits stay.</summary>
    public static string MaskPhone(string value) => MaskMiddle(value, 3, 4);

    /// <summary>张*, 欧*锋: a name in an SMS or a list others may see keeps its first (and, from three characters, last) character.</summary>
    public static string MaskName(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length switch
        {
            <= 1 => value,
            2 => value[0] + "*",
            _ => value[0] + new string('*', value.Length - 2) + value[^1],
        };
    }

    /// <summary>
    /// Masks anything in free text that looks like an ID number or a mainland mobile number,
    /// so that logs never hold one in clear whatever a developer passes to them.
    /// </summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var withoutIds = IdNumberPattern().Replace(text, m => MaskIdNumber(m.Value));
        return PhonePattern().Replace(withoutIds, m => MaskPhone(m.Value));
    }

    private static string MaskMiddle(string value, int keepStart, int keepEnd)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length <= keepStart + keepEnd)
        {
            return new string('*', value.Length);
        }

        return string.Concat(value.AsSpan(0, keepStart), new string('*', value.Length - keepStart - keepEnd), value.AsSpan(value.Length - keepEnd));
    }

    // 17 digits and a digit or X, or a legacy 15-digit number, not inside a longer run of digits.
    [GeneratedRegex(@"(?<![0-9])([0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex IdNumberPattern();

    [GeneratedRegex(@"(?<![0-9])1[3-9][0-9]{9}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
