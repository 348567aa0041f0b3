using System.Text;

namespace ShanxiIdentity.Domain.Identifiers;

/// <summary>
/// The normalisation every identifier goes through before it is checked:
/// NFKC (full-width to ASCII), white space removed, upper case.
/// </summary>
public static class IdentifierText
{
    /// <summary>
    /// The maxlength of every field that takes an ID number, a credit code or an account: room for an
    /// 18-character identifier pasted as printed (spaced, full-width) which <see cref="Normalize"/> accepts,
    /// where maxlength="18" cut it short (issue #19), yet a bound on what a field takes.
    /// </summary>
    public const int InputMaxLength = 40;

    public static string Normalize(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return string.Empty;
        }

        var folded = Nfkc(input);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c) && !IsInvisibleFormat(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// NFKC that never throws: string.Normalize refuses a lone surrogate (which a JSON body or a
    /// CSV file can carry), so those become U+FFFD first and fail the later checks like any stray
    /// character.
    /// </summary>
    public static string Nfkc(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            return input.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            var chars = input.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                var pairedHigh = char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]);
                if (pairedHigh)
                {
                    i++;
                }
                else if (char.IsSurrogate(chars[i]))
                {
                    chars[i] = '�';
                }
            }

            return new string(chars).Normalize(NormalizationForm.FormKC);
        }
    }

    /// <summary>Only ASCII '0'–'9': char.IsDigit also accepts Arabic-Indic and other digits.</summary>
    public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    public static bool AllAsciiDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!IsAsciiDigit(c))
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    // Zero-width spaces and joiners are not white space to .NET, but pasted numbers carry them.
    private static bool IsInvisibleFormat(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';
}
