using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Domain.Tests.Identifiers;

public sealed class CreditCodeTests
{
    // GB 32100-2015's own example.
    private const string StandardExample = "91350100M000100Y43";

    [Fact]
    public void Accepts_the_standards_example_as_a_market_supervised_enterprise()
    {
        var code = CreditCode.Parse(StandardExample).Value!;

        Assert.Equal(StandardExample, code.Value);
        Assert.True(code.IsMarketSupervision);
        Assert.Equal("企业", code.Category.Category);
        Assert.Equal("350100", code.DivisionCode);
        Assert.Equal("M000100Y4", code.OrganisationCode);
    }

    [Theory]
    [InlineData("91350100m000100y43")]
    [InlineData(" 9135 0100 M000 100Y 43 ")]
    [InlineData("９１３５０１００Ｍ０００１００Ｙ４３")]
    public void Normalises_case_spacing_and_full_width(string input)
    {
        Assert.Equal(StandardExample, CreditCode.Parse(input).Value?.Value);
    }

    [Theory]
    [InlineData("", IdentifierMessages.CreditCodeEmpty)]
    [InlineData("91350100M000100Y4", IdentifierMessages.CreditCodeLength)]
    [InlineData("91350100I000100Y43", IdentifierMessages.CreditCodeCharacters)]
    [InlineData("91350100O000100Y43", IdentifierMessages.CreditCodeCharacters)]
    [InlineData("91350100S000100Y43", IdentifierMessages.CreditCodeCharacters)]
    [InlineData("91350100V000100Y43", IdentifierMessages.CreditCodeCharacters)]
    [InlineData("91350100Z000100Y43", IdentifierMessages.CreditCodeCharacters)]
    [InlineData("94350100M000100Y43", IdentifierMessages.CreditCodeCategory)]
    [InlineData("B1350100M000100Y43", IdentifierMessages.CreditCodeCategory)]
    [InlineData("9135A100M000100Y43", IdentifierMessages.CreditCodeDivision)]
    [InlineData("91350100M000100Y44", IdentifierMessages.CreditCodeCheck)]
    [InlineData("91350100M000100Y53", IdentifierMessages.CreditCodeCheck)]
    public void Refuses_malformed_codes_with_their_reason(string input, string expected)
    {
        Assert.Equal(expected, CreditCode.Parse(input).Error);
    }

    [Theory]
    [InlineData("9100000031912593XM")] // province 00: its check characters are right, its division is not
    [InlineData("91990000313618397W")] // province 99
    public void Refuses_the_codes_with_no_province_that_were_accepted_online(string input)
    {
        Assert.Equal(IdentifierMessages.CreditCodeProvince, CreditCode.Parse(input).Error);
        Assert.Equal(IdentifierMessages.CreditCodeProvince, CreditCode.ParseAsIssued(input).Error);
    }

    [Theory]
    [InlineData("000000")]
    [InlineData("160000")] // between provinces
    [InlineData("710000")] // Taiwan, Hong Kong, Macao and 83 (residence permits) issue no credit codes
    [InlineData("810000")]
    [InlineData("830000")]
    [InlineData("990000")]
    public void Refuses_a_division_code_that_names_no_province(string division)
    {
        var code = Reference.CreditCode("91", division, "MA0K3L8Q");

        Assert.Equal(IdentifierMessages.CreditCodeProvince, CreditCode.Parse(code).Error);
        Assert.Equal(IdentifierMessages.CreditCodeProvince, CreditCode.ParseAsIssued(code).Error);
    }

    [Theory]
    [InlineData("100000")]
    [InlineData("110000")]
    [InlineData("140105")]
    [InlineData("650100")]
    public void Accepts_a_national_or_provincial_division_code(string division)
    {
        Assert.True(CreditCode.Parse(Reference.CreditCode("91", division, "MA0K3L8Q")).IsValid, division);
    }

    [Fact]
    public void Refuses_arabic_indic_digits()
    {
        Assert.Equal(IdentifierMessages.CreditCodeCharacters, CreditCode.Parse("\u0669" + StandardExample[1..]).Error);
    }

    [Theory]
    [InlineData("91", true)]
    [InlineData("92", true)]
    [InlineData("93", true)]
    [InlineData("12", false)]
    [InlineData("51", false)]
    [InlineData("52", false)]
    [InlineData("N1", false)]
    public void Only_department_nine_is_market_supervision(string category, bool expected)
    {
        var code = CreditCode.Parse(Reference.CreditCode(category, "140100", "MA0XY123")).Value!;

        Assert.Equal(expected, code.IsMarketSupervision);
    }

    [Fact]
    public void Every_category_of_the_standard_is_known()
    {
        string[] categories = ["11", "12", "13", "19", "21", "29", "31", "32", "33", "34", "35", "39", "41", "49", "51", "52", "53", "59", "61", "62", "69", "71", "72", "79", "81", "89", "91", "92", "93", "A1", "A9", "N1", "N2", "N3", "N9", "Y1"];

        Assert.All(categories, c => Assert.True(CreditCode.Parse(Reference.CreditCode(c, "100000", "12345678")).IsValid, c));
    }

    [Property(MaxTest = 500)]
    public Property Every_well_formed_code_is_accepted() =>
        Prop.ForAll(ValidCodes().ToArbitrary(), code => CreditCode.Parse(code).Value?.Value == code);

    [Property(MaxTest = 500)]
    public Property Any_single_character_substitution_is_refused() =>
        Prop.ForAll(SingleChanges().ToArbitrary(), changed => !CreditCode.Parse(changed).IsValid);

    // National registrations and a spread of provinces, north to south-west.
    private static readonly string[] Provinces = ["10", "11", "14", "23", "35", "44", "54", "65"];

    internal static Gen<string> ValidCodes() =>
        from category in Gen.Elements(RegistrationCategory.All.Select(c => c.Code).ToArray())
        from province in Gen.Elements(Provinces)
        from rest in Gen.Choose(0, 9999)
        from body in Gen.ArrayOf(Gen.Elements(Reference.CreditAlphabet.ToCharArray()), 8)
        select Reference.CreditCode(category, province + rest.ToString("0000", System.Globalization.CultureInfo.InvariantCulture), new string(body));

    private static Gen<string> SingleChanges() =>
        from code in ValidCodes()
        from position in Gen.Choose(0, 17)
        from replacement in Gen.Elements(Reference.CreditAlphabet.ToCharArray())
        where replacement != code[position]
        select code[..position] + replacement + code[(position + 1)..];
}
