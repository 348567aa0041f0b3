using ShanxiIdentity.Domain.SingleSignOn;

namespace ShanxiIdentity.Domain.Tests.SingleSignOn;

public sealed class ClientRulesTests
{
    [Theory]
    [InlineData("https://budongchan.example.gov.cn/signin-oidc", true)]
    [InlineData("https://budongchan.example.gov.cn:8443/cb?x=1", true)]
    [InlineData("http://localhost:5035/signin-oidc", true)]
    [InlineData("http://127.0.0.1:40000/signin-oidc", true)]
    [InlineData("http://budongchan.example.gov.cn/signin-oidc", false)]
    [InlineData("https://budongchan.example.gov.cn/cb#fragment", false)]
    [InlineData("https://user:pass@budongchan.example.gov.cn/cb", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("/signin-oidc", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Redirect_addresses_must_be_absolute_https_or_loopback_without_fragment_or_user(string? uri, bool valid) =>
        Assert.Equal(valid, ClientRules.IsValidRedirectUri(uri));

    [Theory]
    [InlineData("wode-banjian", true)]
    [InlineData("bdc2026", true)]
    [InlineData("ab", false)]
    [InlineData("1abc", false)]
    [InlineData("Wode", false)]
    [InlineData("wode banjian", false)]
    [InlineData("我的办件", false)]
    [InlineData(null, false)]

    // Shaped like an account id (a GUID), in either form Guid.TryParse reads: a subject must never mean both.
    [InlineData("abcdef01-2345-6789-abcd-ef0123456789", false)]
    [InlineData("abcdef0123456789abcdef0123456789", false)]
    [InlineData("abcdef01-2345-6789-abcd-ef012345678", true)]
    public void Client_identifiers_are_lower_case_letters_digits_and_hyphens(string? clientId, bool valid) =>
        Assert.Equal(valid, ClientRules.IsValidClientId(clientId));

    [Fact]
    public void Lines_are_trimmed_without_blanks_or_repeats() =>
        Assert.Equal(["https://a.gov.cn/cb", "https://b.gov.cn/cb"], ClientRules.Lines(" https://a.gov.cn/cb \r\n\n https://b.gov.cn/cb\nhttps://a.gov.cn/cb"));
}
