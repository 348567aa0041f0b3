using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Domain.Tests.Identifiers;

public sealed class SensitiveTextTests
{
    [Fact]
    public void Redacts_id_numbers_and_phones_inside_free_text()
    {
        var redacted = SensitiveText.Redact("user 11010519491231002x phoned from 13812345678 about /a/140105199001011234");

        Assert.Equal("user 110***********002x phoned from 138****5678 about /a/140***********1234", redacted);
    }

    [Fact]
    public void Leaves_longer_digit_runs_and_ordinary_numbers_alone()
    {
        const string text = "order 1234567890123456789012 took 13 ms, trace 00-4bf92f3577b34da6";

        Assert.Equal(text, SensitiveText.Redact(text));
    }

    [Theory]
    [InlineData("张伟", "张*")]
    [InlineData("欧阳修远", "欧**远")]
    [InlineData("王", "王")]
    public void A_name_keeps_its_first_and_from_three_characters_its_last_character(string name, string masked) =>
        Assert.Equal(masked, SensitiveText.MaskName(name));
}
