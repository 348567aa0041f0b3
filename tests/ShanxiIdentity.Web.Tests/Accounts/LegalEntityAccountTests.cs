using System.Net;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Sms;
using ShanxiIdentity.Web.Tests.Infrastructure;
using static ShanxiIdentity.Web.Tests.Infrastructure.OrganisationJourney;

namespace ShanxiIdentity.Web.Tests.Accounts;

/// <summary>The organisation's journey of the seed's questions 2, 3, 6, 7, 10 and 11, on each database.</summary>
public abstract class LegalEntityAccountTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task An_enterprise_the_registry_holds_registers_and_sees_its_details()
    {
        var (organisation, session) = await factory.RegisteredOrganisationAsync();

        var my = await session.GetPageAsync("/my");
        Assert.Equal(organisation.Name, my.QuerySelector("[data-field=organisation]")!.TextContent);
        Assert.Equal(organisation.CreditCode, my.QuerySelector("[data-field=credit-code]")!.TextContent);
        Assert.Equal("企业法人", my.QuerySelector("[data-field=type]")!.TextContent);
        Assert.Equal(SensitiveText.MaskIdNumber(organisation.RepresentativeIdNumber), my.QuerySelector("[data-field=representative-id]")!.TextContent);
        Assert.Equal("已核验", my.QuerySelector("[data-field=verification]")!.TextContent);
        Assert.DoesNotContain(organisation.RepresentativeIdNumber, my.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organisation_logs_in_with_its_credit_code_or_its_login_name()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();

        Assert.Equal("/my", (await factory.NewSession().LogInAsLegalAsync(organisation.CreditCode.ToLowerInvariant(), organisation.Password)).Location);
        Assert.Equal("/my", (await factory.NewSession().LogInAsLegalAsync(organisation.LoginName, organisation.Password)).Location);
    }

    [Fact]
    public async Task A_certified_credit_code_says_so_and_offers_legal_login_and_forgot_password()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();

        var again = await factory.RegisterAsync(factory.NewSession(), organisation with { LoginName = "other_" + Guid.NewGuid().ToString("N")[..8], Phone = Citizen.NewPhone() });

        Assert.Equal(SeedMessages.CreditCodeAlreadyCertified, again.FieldError("CreditCode"));
        var hint = again.Page.QuerySelector("[data-hint=certified]")!;
        Assert.NotNull(hint.QuerySelector("a[href='/account/login?kind=legal']"));
        Assert.NotNull(hint.QuerySelector("a[href='/account/forgot?kind=legal']"));
    }

    [Fact]
    public async Task A_taken_login_name_says_so_and_repeats_the_rules()
    {
        var (taken, _) = await factory.RegisteredOrganisationAsync();
        var second = Organisation.New(LegalEntityType.Enterprise) with { LoginName = taken.LoginName.ToUpperInvariant() };
        await factory.AddToRegistryAsync(second);

        var refused = await factory.RegisterAsync(factory.NewSession(), second);

        Assert.Equal(SeedMessages.LoginNameTaken, refused.FieldError("LoginName"));
        Assert.Contains(AccountMessages.LoginNameRule, refused.Page.QuerySelector("[data-hint=login-name-taken]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LegalEntityType.Enterprise, "enterprise")]
    [InlineData(LegalEntityType.IndividualBusiness, "individual-business")]
    public async Task A_market_type_the_registry_does_not_hold_is_not_market_supervised(LegalEntityType type, string slug)
    {
        var refused = await factory.RegisterAsync(factory.NewSession(), Organisation.New(type));

        Assert.Equal(SeedMessages.NotMarketSupervised, refused.FieldError("Type"));
        var hint = refused.Page.QuerySelector("[data-hint=not-market-supervised]")!;
        Assert.Contains("法人类型", hint.TextContent, StringComparison.Ordinal);
        Assert.NotNull(hint.QuerySelector($"a[href='/guide/materials?operation=register&userType={slug}']"));
    }

    [Fact]
    public async Task A_market_type_with_a_code_of_another_department_is_not_market_supervised()
    {
        var organisation = Organisation.New(LegalEntityType.Enterprise, category: "51");
        await factory.AddToRegistryAsync(organisation);

        var refused = await factory.RegisterAsync(factory.NewSession(), organisation);

        Assert.Equal(SeedMessages.NotMarketSupervised, refused.FieldError("Type"));
    }

    [Fact]
    public async Task A_name_or_representative_the_registry_does_not_match_is_not_market_supervised()
    {
        var organisation = Organisation.New(LegalEntityType.Enterprise);
        await factory.AddToRegistryAsync(organisation, representative: "另一人");

        var refused = await factory.RegisterAsync(factory.NewSession(), organisation);

        Assert.Equal(SeedMessages.NotMarketSupervised, refused.FieldError("Type"));
        Assert.False(await factory.QueryAsync(db => db.LegalEntityProfiles.AnyAsync(p => p.CreditCode == organisation.CreditCode)));
    }

    [Fact]
    public async Task Full_width_brackets_and_spaces_do_not_make_a_registered_name_differ()
    {
        var organisation = Organisation.New(LegalEntityType.Enterprise) with { Name = "太原市示例科技有限公司 (迎泽分公司)" };
        await factory.AddToRegistryAsync(organisation, name: "太原市示例科技有限公司（迎泽分公司）");

        var registered = await factory.RegisterAsync(factory.NewSession(), organisation);

        Assert.Equal("/my", registered.Location);
    }

    [Fact]
    public async Task A_social_organisation_registers_awaiting_the_counter_and_is_told_so_at_login()
    {
        var organisation = Organisation.New(LegalEntityType.SocialOrganisation);

        var registered = await factory.RegisterAsync(factory.NewSession(), organisation);
        Assert.Equal("/account/register/legal/awaiting-counter?type=social-organisation", registered.Location);

        var login = await factory.NewSession().LogInAsLegalAsync(organisation.CreditCode, organisation.Password);
        Assert.Equal(AccountMessages.AwaitingCounterVerification, login.FieldError("Account"));
        Assert.NotNull(login.Page.QuerySelector("[data-hint=counter] a[href='/guide/materials?operation=modify&userType=social-organisation']"));
        var stored = await factory.QueryAsync(db => db.LegalEntityProfiles.SingleAsync(p => p.CreditCode == organisation.CreditCode));
        Assert.Null(stored.RealNameVerifiedAt);
    }

    [Fact]
    public async Task A_non_market_type_must_carry_its_own_category()
    {
        var organisation = Organisation.New(LegalEntityType.SocialOrganisation, category: "52");

        var refused = await factory.RegisterAsync(factory.NewSession(), organisation);

        Assert.Equal(AccountMessages.CategoryMismatch("民政", "民办非企业单位", "社团法人"), refused.FieldError("Type"));
    }

    [Fact]
    public async Task Legal_login_with_an_unknown_account_or_a_wrong_password_uses_the_seeds_messages()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();

        var unknown = await factory.NewSession().LogInAsLegalAsync(Organisation.NewCreditCode("91"), "Whatever#1");
        var wrong = await factory.NewSession().LogInAsLegalAsync(organisation.CreditCode, "Wrong#pass1");

        Assert.Equal(SeedMessages.AccountDoesNotExist, unknown.FieldError("Account"));
        Assert.NotNull(unknown.Page.QuerySelector("[data-hint=not-found] a[href='/account/register/legal']"));
        Assert.Equal(SeedMessages.WrongUserNameOrPassword, wrong.FieldError("Password"));
        Assert.NotNull(wrong.Page.QuerySelector("[data-hint=wrong-password] a[href='/account/forgot?kind=legal']"));
    }

    [Fact]
    public async Task An_organisation_the_registry_no_longer_holds_is_stopped_at_login_and_sent_to_the_counter()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        await factory.QueryAsync(db => db.Organisations.Where(o => o.CreditCode == organisation.CreditCode).ExecuteDeleteAsync());

        var refused = await factory.NewSession().LogInAsLegalAsync(organisation.CreditCode, organisation.Password);

        Assert.Equal(SeedMessages.RegistryHasNoRecord, refused.FieldError("Account"));
        Assert.NotNull(refused.Page.QuerySelector("[data-hint=counter] a[href='/guide/materials?operation=modify&userType=enterprise']"));
        Assert.Null(refused.Location);
    }

    [Fact]
    public async Task A_branch_names_its_principal_and_its_head_office()
    {
        var branch = Organisation.New(LegalEntityType.EnterpriseBranch);
        await factory.AddToRegistryAsync(branch);
        var session = factory.NewSession();
        var page = await session.GetPageAsync(RegisterUrl);

        var fields = branch.RegistrationFields("123456");
        fields.Remove("HeadOfficeCreditCode");
        var withoutHeadOffice = await session.SubmitAsync(page, RegisterUrl, fields);
        Assert.Equal(FormMessages.Missing("总公司统一社会信用代码"), withoutHeadOffice.FieldError("HeadOfficeCreditCode"));
        Assert.Contains(SeedMessages.StarredFieldsRequired, withoutHeadOffice.Errors);
        Assert.Equal("负责人姓名", withoutHeadOffice.Page.QuerySelector("label[for=RepresentativeName]")!.TextContent);

        var registered = await factory.RegisterAsync(factory.NewSession(), branch);
        Assert.Equal("/my", registered.Location);
        var stored = await factory.QueryAsync(db => db.LegalEntityProfiles.SingleAsync(p => p.CreditCode == branch.CreditCode));
        Assert.Equal(branch.HeadOfficeCreditCode, stored.HeadOfficeCreditCode);
    }

    [Theory]
    [InlineData("9100000031912593XM")] // province 00, check characters right
    [InlineData("91990000313618397W")] // province 99
    public async Task A_credit_code_whose_division_names_no_province_is_refused_with_the_reason(string creditCode)
    {
        var organisation = Organisation.New(LegalEntityType.Enterprise) with { CreditCode = creditCode };

        var refused = await factory.RegisterAsync(factory.NewSession(), organisation);

        Assert.Null(refused.Location);
        Assert.Equal(IdentifierMessages.CreditCodeProvince, refused.FieldError("CreditCode"));
        Assert.Contains(IdentifierMessages.CreditCodeProvince, refused.Errors);
    }

    [Fact]
    public async Task A_branch_cannot_name_its_own_code_as_its_head_office()
    {
        var branch = Organisation.New(LegalEntityType.EnterpriseBranch);
        var ownCode = branch with { HeadOfficeCreditCode = branch.CreditCode.ToLowerInvariant() };

        var refused = await factory.RegisterAsync(factory.NewSession(), ownCode);

        Assert.Null(refused.Location);
        Assert.Equal(AccountMessages.HeadOfficeSameAsBranch, refused.FieldError("HeadOfficeCreditCode"));
    }

    [Fact]
    public async Task An_organisation_resets_its_password_by_the_reserved_phone()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var session = factory.NewSession();
        var forgot = await session.GetPageAsync("/account/forgot?kind=legal");
        var step2 = await session.SubmitAsync(forgot, "/account/forgot", new Dictionary<string, string?> { ["Account"] = organisation.LoginName });
        Assert.DoesNotContain(SensitiveText.MaskPhone(organisation.Phone), step2.Body, StringComparison.Ordinal);
        Assert.NotNull(step2.Page.QuerySelector("[data-counter-route] a[href='/guide/materials?operation=modify&userType=enterprise']"));

        factory.Clock.Advance(SmsCodeService.ResendInterval);
        Assert.True((await session.SendSmsAsync(step2.Page, "/account/forgot/reset", "/account/forgot/sms", new Dictionary<string, string?>())).Sent);
        var reset = await session.SubmitAsync(step2.Page, "/account/forgot/reset", new Dictionary<string, string?>
        {
            ["SmsCode"] = await factory.LatestSmsCodeAsync(organisation.Phone),
            ["Password"] = "Org#Reset2026",
            ["ConfirmPassword"] = "Org#Reset2026",
        });

        Assert.Equal("/account/login?kind=legal", reset.Location);
        Assert.Equal("/my", (await factory.NewSession().LogInAsLegalAsync(organisation.CreditCode, "Org#Reset2026")).Location);
    }

    [Fact]
    public async Task Two_registrations_of_one_credit_code_racing_end_with_one_account()
    {
        var organisation = Organisation.New(LegalEntityType.Enterprise);
        await factory.AddToRegistryAsync(organisation);
        var racers = new[] { organisation, organisation with { LoginName = "race_" + Guid.NewGuid().ToString("N")[..8], Phone = Citizen.NewPhone() } };
        var prepared = new List<(PortalSession Session, AngleSharp.Dom.IDocument Page, Dictionary<string, string?> Fields)>();
        foreach (var racer in racers)
        {
            var session = factory.NewSession();
            var page = await session.GetPageAsync(RegisterUrl);
            await session.SendSmsAsync(page, RegisterUrl, RegisterUrl + "/sms", new Dictionary<string, string?> { ["Phone"] = racer.Phone });
            prepared.Add((session, page, racer.RegistrationFields(await factory.LatestSmsCodeAsync(racer.Phone))));
        }

        var results = await Task.WhenAll(prepared.Select(p => p.Session.SubmitAsync(p.Page, RegisterUrl, p.Fields)));

        Assert.Equal(1, await factory.QueryAsync(db => db.LegalEntityProfiles.CountAsync(p => p.CreditCode == organisation.CreditCode)));
        Assert.Single(results, r => r.Location == "/my");
        Assert.Single(results, r => r.FieldError("CreditCode") == SeedMessages.CreditCodeAlreadyCertified);
    }

    [Fact]
    public async Task A_signed_in_organisation_downloads_the_legal_letter_prefilled()
    {
        var (organisation, session) = await factory.RegisteredOrganisationAsync();

        var page = await session.GetPageAsync("/guide/templates/2?prefill=true");
        var text = page.QuerySelector("article.seed-document")!.TextContent;

        Assert.Contains(organisation.Name, text, StringComparison.Ordinal);
        Assert.Contains(organisation.CreditCode, text, StringComparison.Ordinal);
        Assert.Contains(organisation.RepresentativeName, text, StringComparison.Ordinal);
        using var docx = await session.Client.GetAsync(new Uri("/guide/templates/2.docx?prefill=true", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
    }
}

public sealed class LegalEntityAccountTestsOnSqlite(SqlitePortalFactory factory) : LegalEntityAccountTests<SqlitePortalFactory>(factory);

public sealed class LegalEntityAccountTestsOnPostgreSql(PostgreSqlPortalFactory factory) : LegalEntityAccountTests<PostgreSqlPortalFactory>(factory);
