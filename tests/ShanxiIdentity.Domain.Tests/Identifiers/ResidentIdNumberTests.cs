using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Domain.Tests.Identifiers;

public sealed class ResidentIdNumberTests
{
    // GB 11643-1999's own example.
    private const string StandardExample = "11010519491231002X";

    private static readonly string[] Provinces = ["11", "14", "31", "44", "65", "71", "81", "82", "83"];

    [Fact]
    public void Accepts_the_standards_example()
    {
        var result = ResidentIdNumber.Parse(StandardExample);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(StandardExample, result.Value!.Value);
        Assert.Equal(new DateOnly(1949, 12, 31), result.Value.BirthDate);
        Assert.False(result.Value.IsMale);
        Assert.Equal("11", result.Value.ProvinceCode);
    }

    [Theory]
    [InlineData("１１０１０５１９４９１２３１００２ｘ")]
    [InlineData(" 110105 19491231 002x ")]
    [InlineData("110105\u200B19491231002X")]
    [InlineData("110105\u300019491231002X")]
    public void Normalises_full_width_spaces_and_lower_case_x(string input)
    {
        Assert.Equal(StandardExample, ResidentIdNumber.Parse(input).Value?.Value);
    }

    [Theory]
    [InlineData(null, IdentifierMessages.IdNumberEmpty)]
    [InlineData("   ", IdentifierMessages.IdNumberEmpty)]
    [InlineData("110105491231002", IdentifierMessages.IdNumberLegacy15)]
    [InlineData("1101051949123100", IdentifierMessages.IdNumberLength)]
    [InlineData("11010519491231002X1", IdentifierMessages.IdNumberLength)]
    [InlineData("1101051949123100AX", IdentifierMessages.IdNumberCharacters)]
    [InlineData("11010519491231002Y", IdentifierMessages.IdNumberCharacters)]
    [InlineData("11010519491231002-", IdentifierMessages.IdNumberCharacters)]
    [InlineData("110105194912310021", IdentifierMessages.IdNumberCheck)]
    public void Refuses_malformed_input_with_its_reason(string? input, string expected)
    {
        var result = ResidentIdNumber.Parse(input);

        Assert.False(result.IsValid);
        Assert.Equal(expected, result.Error);
    }

    [Fact]
    public void Refuses_arabic_indic_digits_that_char_IsDigit_would_accept()
    {
        // U+0661 ARABIC-INDIC DIGIT ONE: NFKC leaves it alone and char.IsDigit says true.
        var input = "\u0661" + StandardExample[1..];

        Assert.True(char.IsDigit('\u0661'));
        Assert.Equal(IdentifierMessages.IdNumberCharacters, ResidentIdNumber.Parse(input).Error);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("10")]
    [InlineData("16")]
    [InlineData("66")]
    [InlineData("84")]
    [InlineData("99")]
    public void Refuses_unknown_province(string province)
    {
        var number = Reference.IdNumber(province, "0105", new DateOnly(1990, 1, 1), 123);

        Assert.Equal(IdentifierMessages.IdNumberProvince, ResidentIdNumber.Parse(number).Error);
    }

    [Fact]
    public void Accepts_an_unknown_or_abolished_county_code_in_a_known_province()
    {
        var number = Reference.IdNumber("14", "9999", new DateOnly(1990, 1, 1), 123);

        Assert.True(ResidentIdNumber.Parse(number).IsValid);
    }

    [Theory]
    [InlineData("83", "0000")]
    [InlineData("81", "0000")]
    public void Accepts_residence_permits_for_hong_kong_macao_and_taiwan(string province, string county)
    {
        Assert.True(ResidentIdNumber.Parse(Reference.IdNumber(province, county, new DateOnly(1985, 6, 15), 1)).IsValid);
    }

    [Theory]
    [InlineData("18991231")]
    [InlineData("19900230")]
    [InlineData("19901301")]
    [InlineData("20261127")]
    public void Refuses_impossible_early_or_future_birth_dates(string birth)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));
        var body = "140105" + birth + "123";
        var number = body + ResidentIdNumber.ComputeCheckCharacter(body);

        Assert.Equal(IdentifierMessages.IdNumberBirthDate, ResidentIdNumber.Parse(number, clock).Error);
    }

    [Fact]
    public void Accepts_a_birth_today_in_china_even_when_it_is_still_yesterday_in_utc()
    {
        // 2026-11-26 20:00 UTC is already 2026-11-27 04:00 in Beijing.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 20, 0, 0, TimeSpan.Zero));
        var number = Reference.IdNumber("14", "0105", new DateOnly(2026, 11, 27), 2);

        Assert.True(ResidentIdNumber.Parse(number, clock).IsValid);
    }

    [Fact]
    public void Masks_all_but_the_first_three_and_last_four_characters()
    {
        var id = ResidentIdNumber.Parse(StandardExample).Value!;

        Assert.Equal("110***********002X", id.Masked);
        Assert.Equal(id.Masked, id.ToString());
    }

    [Property(MaxTest = 500)]
    public Property Every_well_formed_number_is_accepted_and_keeps_its_fields() =>
        Prop.ForAll(ValidNumbers().ToArbitrary(), sample =>
        {
            var result = ResidentIdNumber.Parse(sample.Number);
            return result.IsValid
                && result.Value!.Value == sample.Number
                && result.Value.BirthDate == sample.Birth
                && result.Value.IsMale == (sample.Sequence % 2 == 1);
        });

    [Property(MaxTest = 500)]
    public Property Any_single_character_change_is_refused() =>
        Prop.ForAll(SingleChanges().ToArbitrary(), changed => !ResidentIdNumber.Parse(changed).IsValid);

    [Property(MaxTest = 300)]
    public Property Full_width_and_spacing_do_not_change_the_value() =>
        Prop.ForAll(ValidNumbers().ToArbitrary(), sample =>
        {
            var fullWidth = string.Concat(sample.Number.Select(c => (char)(c + 0xFEE0)));
            var spaced = string.Join(' ', sample.Number.Chunk(4).Select(chunk => new string(chunk))).ToLowerInvariant();
            return ResidentIdNumber.Parse(fullWidth).Value?.Value == sample.Number
                && ResidentIdNumber.Parse(spaced).Value?.Value == sample.Number;
        });

    internal sealed record Sample(string Number, DateOnly Birth, int Sequence);

    internal static Gen<Sample> ValidNumbers() =>
        from province in Gen.Elements(Provinces)
        from county in Gen.Choose(0, 9999)
        from days in Gen.Choose(0, 45000)
        from sequence in Gen.Choose(0, 999)
        let birth = new DateOnly(1900, 1, 1).AddDays(days)
        select new Sample(Reference.IdNumber(province, county.ToString("0000", System.Globalization.CultureInfo.InvariantCulture), birth, sequence), birth, sequence);

    private static Gen<string> SingleChanges() =>
        from sample in ValidNumbers()
        from position in Gen.Choose(0, 17)
        from replacement in Gen.Elements("0123456789X".ToCharArray())
        where replacement != sample.Number[position]
        select sample.Number[..position] + replacement + sample.Number[(position + 1)..];
}
