using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Domain.Tests.Identifiers;

public sealed class MobilePhoneTests
{
    [Theory]
    [InlineData("13812345678")]
    [InlineData("138 1234 5678")]
    [InlineData("138-1234-5678")]
    [InlineData("(138)12345678")]
    [InlineData("（138）1234－5678")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("+86-13812345678")]
    [InlineData("0086 13812345678")]
    [InlineData("8613812345678")]
    [InlineData("１３８１２３４５６７８")]
    public void Accepts_the_usual_ways_of_writing_a_mainland_number(string input)
    {
        Assert.Equal("13812345678", MobilePhone.Parse(input).Value?.Value);
    }

    [Theory]
    [InlineData("", IdentifierMessages.PhoneEmpty)]
    [InlineData("+852 9123 4567", IdentifierMessages.PhoneForeign)]
    [InlineData("+1 415 555 0100", IdentifierMessages.PhoneForeign)]
    [InlineData("00852 91234567", IdentifierMessages.PhoneForeign)]
    [InlineData("12812345678", IdentifierMessages.PhoneFormat)]
    [InlineData("1381234567", IdentifierMessages.PhoneFormat)]
    [InlineData("138123456789", IdentifierMessages.PhoneFormat)]
    [InlineData("23812345678", IdentifierMessages.PhoneFormat)]
    [InlineData("1381234567a", IdentifierMessages.PhoneFormat)]
    [InlineData("\u0661\u0663\u0668\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668", IdentifierMessages.PhoneFormat)]
    public void Refuses_other_numbers_with_their_reason(string input, string expected)
    {
        Assert.Equal(expected, MobilePhone.Parse(input).Error);
    }

    [Fact]
    public void Masks_the_middle_four_digits()
    {
        var phone = MobilePhone.Parse("13812345678").Value!;

        Assert.Equal("138****5678", phone.Masked);
        Assert.Equal(phone.Masked, phone.ToString());
    }

    [Property(MaxTest = 300)]
    public Property Every_mainland_number_survives_any_country_prefix_and_separators() =>
        Prop.ForAll(Formatted().ToArbitrary(), pair => MobilePhone.Parse(pair.Written).Value?.Value == pair.Number);

    private static Gen<(string Number, string Written)> Formatted() =>
        from second in Gen.Choose(3, 9)
        from rest in Gen.ArrayOf(Gen.Choose(0, 9), 9)
        from prefix in Gen.Elements("", "+86", "+86 ", "0086", "86")
        from separator in Gen.Elements("", " ", "-")
        let number = "1" + second + string.Concat(rest)
        select (number, prefix + number[..3] + separator + number[3..7] + separator + number[7..]);
}
