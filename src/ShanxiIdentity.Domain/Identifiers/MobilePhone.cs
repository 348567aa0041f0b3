using System.Text;

namespace ShanxiIdentity.Domain.Identifiers;

/// <summary>A mainland mobile number: 11 digits, 1[3-9] then 9 digits.</summary>
public sealed class MobilePhone : IEquatable<MobilePhone>
{
    private MobilePhone(string value) => Value = value;

    public string Value { get; }

    public string Masked => SensitiveText.MaskPhone(Value);

    /// <summary>
    /// Accepts spaces, hyphens, brackets and a leading +86, 0086 or 86;
    /// refuses any other country code.
    /// </summary>
    public static ParseResult<MobilePhone> Parse(string? input)
    {
        var text = StripPunctuation(IdentifierText.Normalize(input));
        if (text.Length == 0)
        {
            return ParseResult.Failure<MobilePhone>(IdentifierMessages.PhoneEmpty);
        }

        if (text.StartsWith('+'))
        {
            if (!text.StartsWith("+86", StringComparison.Ordinal))
            {
                return ParseResult.Failure<MobilePhone>(IdentifierMessages.PhoneForeign);
            }

            text = text[3..];
        }
        else if (text.StartsWith("00", StringComparison.Ordinal))
        {
            if (!text.StartsWith("0086", StringComparison.Ordinal))
            {
                return ParseResult.Failure<MobilePhone>(IdentifierMessages.PhoneForeign);
            }

            text = text[4..];
        }
        else if (text.Length == 13 && text.StartsWith("86", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        if (text.Length != 11 || !IdentifierText.AllAsciiDigits(text) || text[0] != '1' || text[1] < '3')
        {
            return ParseResult.Failure<MobilePhone>(IdentifierMessages.PhoneFormat);
        }

        return ParseResult.Success(new MobilePhone(text));
    }

    public bool Equals(MobilePhone? other) => other is not null && other.Value == Value;

    public override bool Equals(object? obj) => Equals(obj as MobilePhone);

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Masked;

    private static string StripPunctuation(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is not ('-' or '(' or ')' or '[' or ']' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
