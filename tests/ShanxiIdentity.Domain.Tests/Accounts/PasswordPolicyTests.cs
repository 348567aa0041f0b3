using ShanxiIdentity.Domain.Accounts;

namespace ShanxiIdentity.Domain.Tests.Accounts;

public sealed class PasswordPolicyTests
{
    private const string IdNumber = "140105198503151236";
    private const string Phone = "13912876543";

    [Theory]
    [InlineData("Password123!", AccountMessages.GuessableCommonPassword)]
    [InlineData("P@ssw0rd2024", AccountMessages.GuessableCommonPassword)]
    [InlineData("Qwerty123!", AccountMessages.GuessableCommonPassword)]
    [InlineData("Zs@19850315", AccountMessages.GuessablePersonalInformation)]
    [InlineData("Abc#151236x", AccountMessages.GuessablePersonalInformation)]
    [InlineData("Jin#12876543", AccountMessages.GuessablePersonalInformation)]
    [InlineData("Zhang_wei#1", AccountMessages.GuessablePersonalInformation)]
    public void Common_and_personal_passwords_are_refused_with_the_reason(string password, string reason)
    {
        Assert.Equal([AccountMessages.PasswordGuessable(reason)], PasswordPolicy.Check(password, IdNumber, Phone, "zhang_wei"));
    }

    [Theory]
    [InlineData("Jin#3fa9c01b7e")]
    [InlineData("Yingze&Bridge42")]
    [InlineData("Counter#2026pw")]
    public void Strong_passwords_are_accepted(string password)
    {
        Assert.Empty(PasswordPolicy.Check(password, IdNumber, Phone, "zhang_wei"));
    }

    [Fact]
    public void The_plain_rules_answer_first_with_one_message()
    {
        Assert.Equal([AccountMessages.PasswordTooWeak], PasswordPolicy.Check("password"));
        Assert.Equal([AccountMessages.PasswordContainsIdNumber], PasswordPolicy.Check("Ab#" + IdNumber, IdNumber));
    }
}
