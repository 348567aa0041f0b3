using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Site;

/// <summary>Errors a screen reader can find: each refused field is marked invalid and described by its message.</summary>
public sealed class FormErrorMarkupTests(SqlitePortalFactory factory) : IClassFixture<SqlitePortalFactory>
{
    [Theory]
    [InlineData("/account/register")]
    [InlineData("/account/register/legal")]
    public async Task The_agreement_and_the_captcha_are_marked_invalid_and_point_to_their_messages(string url)
    {
        var session = factory.NewSession();
        var page = await session.GetPageAsync(url);

        var refused = await session.SubmitAsync(page, url, new Dictionary<string, string?> { ["Captcha"] = string.Empty });

        var agreement = refused.Page.GetElementById("AcceptAgreement")!;
        Assert.Equal("true", agreement.GetAttribute("aria-invalid"));
        var described = refused.Page.GetElementById(agreement.GetAttribute("aria-describedby")!);
        Assert.Equal(AccountMessages.AgreementRequired, described?.TextContent.Trim());

        var captcha = refused.Page.GetElementById("Captcha")!;
        Assert.Equal("true", captcha.GetAttribute("aria-invalid"));
        Assert.Contains(captcha.GetAttribute("aria-describedby")!.Split(' '), id => refused.Page.GetElementById(id)?.TextContent.Trim().Length > 0);
    }
}
