namespace ShanxiIdentity.Domain.Identifiers;

/// <summary>
/// 统一社会信用代码, GB 32100-2015: registration department and category, division code,
/// organisation code (GB 11714, with its own check character) and a MOD 31 check character.
/// </summary>
public sealed class CreditCode : IEquatable<CreditCode>
{
    public const int Length = 18;

    /// <summary>The 31 characters a credit code is made of: digits and A–Z without I, O, S, V, Z.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganisationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    private CreditCode(string value, RegistrationCategory category)
    {
        Value = value;
        Category = category;
    }

    public string Value { get; }

    public RegistrationCategory Category { get; }

    public string DivisionCode => Value[2..8];

    public string OrganisationCode => Value[8..17];

    public bool IsMarketSupervision => Category.IsMarketSupervision;

    public static ParseResult<CreditCode> Parse(string? input) => Parse(input, verifyCheckCharacters: true);

    /// <summary>
    /// The code as a licence shows it, at the counter only: shape, category and division are
    /// checked, the check characters are not (some pilot-era codes were issued with wrong ones,
    /// and the clerk has the licence in hand).
    /// </summary>
    public static ParseResult<CreditCode> ParseAsIssued(string? input) => Parse(input, verifyCheckCharacters: false);

    private static ParseResult<CreditCode> Parse(string? input, bool verifyCheckCharacters)
    {
        var text = IdentifierText.Normalize(input);
        if (text.Length == 0)
        {
            return Fail(IdentifierMessages.CreditCodeEmpty);
        }

        if (text.Length != Length)
        {
            return Fail(IdentifierMessages.CreditCodeLength);
        }

        foreach (var c in text)
        {
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return Fail(IdentifierMessages.CreditCodeCharacters);
            }
        }

        var category = RegistrationCategory.Find(text[..2]);
        if (category is null)
        {
            return Fail(IdentifierMessages.CreditCodeCategory);
        }

        if (!IdentifierText.AllAsciiDigits(text.AsSpan(2, 6)))
        {
            return Fail(IdentifierMessages.CreditCodeDivision);
        }

        if (!DivisionCodes.IsRegistrationProvince(text[2..4]))
        {
            return Fail(IdentifierMessages.CreditCodeProvince);
        }

        if (verifyCheckCharacters && (text[16] != ComputeOrganisationCheckCharacter(text.AsSpan(8, 8))
            || text[17] != ComputeCheckCharacter(text.AsSpan(0, 17))))
        {
            return Fail(IdentifierMessages.CreditCodeCheck);
        }

        return ParseResult.Success(new CreditCode(text, category));
    }

    /// <summary>Position 18: 31 − (Σ value × weight mod 31), 31 → 0, over the 31-character alphabet.</summary>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Exactly 17 characters are required.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException("Characters must come from the credit code alphabet.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>
    /// Position 17, the organisation code's own check (GB 11714): values 0–9 and A=10 … Z=35,
    /// 11 − (Σ value × weight mod 11), 10 → X, 11 → 0.
    /// </summary>
    public static char ComputeOrganisationCheckCharacter(ReadOnlySpan<char> body8)
    {
        if (body8.Length != 8)
        {
            throw new ArgumentException("Exactly 8 characters are required.", nameof(body8));
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = body8[i];
            var value = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'A' and <= 'Z' => c - 'A' + 10,
                _ => throw new ArgumentException("Characters must be ASCII digits or upper-case letters.", nameof(body8)),
            };
            sum += value * OrganisationCodeWeights[i];
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            10 => 'X',
            11 => '0',
            _ => (char)('0' + check),
        };
    }

    public bool Equals(CreditCode? other) => other is not null && other.Value == Value;

    public override bool Equals(object? obj) => Equals(obj as CreditCode);

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Value;

    private static ParseResult<CreditCode> Fail(string message) => ParseResult.Failure<CreditCode>(message);
}
