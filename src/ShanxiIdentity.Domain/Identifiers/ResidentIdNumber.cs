using System.Globalization;

namespace ShanxiIdentity.Domain.Identifiers;

/// <summary>
/// 身份证号, GB 11643-1999: 6-digit address code, 8-digit birth date, 3-digit sequence
/// (odd = male) and an ISO 7064 MOD 11-2 check character.
/// </summary>
public sealed class ResidentIdNumber : IEquatable<ResidentIdNumber>
{
    public const int Length = 18;

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";
    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    private ResidentIdNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    /// <summary>The 18 normalised characters, upper-case X.</summary>
    public string Value { get; }

    public DateOnly BirthDate { get; }

    public string ProvinceCode => Value[..2];

    public bool IsMale => (Value[16] - '0') % 2 == 1;

    public static ParseResult<ResidentIdNumber> Parse(string? input) => Parse(input, TimeProvider.System);

    public static ParseResult<ResidentIdNumber> Parse(string? input, TimeProvider clock)
    {
        var text = IdentifierText.Normalize(input);
        if (text.Length == 0)
        {
            return Fail(IdentifierMessages.IdNumberEmpty);
        }

        if (text.Length == 15 && IdentifierText.AllAsciiDigits(text))
        {
            return Fail(IdentifierMessages.IdNumberLegacy15);
        }

        if (text.Length != Length)
        {
            return Fail(IdentifierMessages.IdNumberLength);
        }

        if (!IdentifierText.AllAsciiDigits(text.AsSpan(0, 17)) || !(IdentifierText.IsAsciiDigit(text[17]) || text[17] == 'X'))
        {
            return Fail(IdentifierMessages.IdNumberCharacters);
        }

        if (!DivisionCodes.IsResidentProvince(text[..2]))
        {
            return Fail(IdentifierMessages.IdNumberProvince);
        }

        if (!DateOnly.TryParseExact(text.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth < EarliestBirthDate
            || birth > ChinaTime.Today(clock))
        {
            return Fail(IdentifierMessages.IdNumberBirthDate);
        }

        if (text[17] != ComputeCheckCharacter(text.AsSpan(0, 17)))
        {
            return Fail(IdentifierMessages.IdNumberCheck);
        }

        return ParseResult.Success(new ResidentIdNumber(text, birth));
    }

    /// <summary>The MOD 11-2 check character for the first 17 digits.</summary>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17 || !IdentifierText.AllAsciiDigits(first17))
        {
            throw new ArgumentException("Exactly 17 ASCII digits are required.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    public string Masked => SensitiveText.MaskIdNumber(Value);

    public bool Equals(ResidentIdNumber? other) => other is not null && other.Value == Value;

    public override bool Equals(object? obj) => Equals(obj as ResidentIdNumber);

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    /// <summary>Masked, so that a stray interpolation never prints the number in clear.</summary>
    public override string ToString() => Masked;

    private static ParseResult<ResidentIdNumber> Fail(string message) => ParseResult.Failure<ResidentIdNumber>(message);
}
