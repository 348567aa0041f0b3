using System.Text;

namespace ShanxiIdentity.Domain.Identifiers;

/// <summary>
/// The normalisation every identifier goes through before it is checked:
/// NFKC (full-width to ASCII), white space removed, upper case.
/// </summary>
public static class IdentifierText
{
    public static string Normalize(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return string.Empty;
        }

        var folded = input.Normalize(NormalizationForm.FormKC);
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
