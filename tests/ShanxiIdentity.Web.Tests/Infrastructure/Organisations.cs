using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Web.Tests.Infrastructure;

/// <summary>An organisation with a valid credit code of the given category, and a representative.</summary>
public sealed record Organisation(LegalEntityType Type, string Name, string CreditCode, string RepresentativeName, string RepresentativeIdNumber, string LoginName, string Phone, string Password, string? HeadOfficeCreditCode = null)
{
    private const string Body = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    public static Organisation New(LegalEntityType type, string? category = null)
    {
        category ??= type switch
        {
            LegalEntityType.IndividualBusiness => "92",
            LegalEntityType.SocialOrganisation => "51",
            LegalEntityType.PublicInstitution => "12",
            LegalEntityType.PrivateNonEnterprise => "52",
            _ => "91",
        };
        var representative = Citizen.New();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        return new Organisation(
            type,
            "山西示例" + suffix + "有限公司",
            NewCreditCode(category),
            representative.Name,
            representative.IdNumber,
            "org_" + suffix,
            Citizen.NewPhone(),
            "Org#" + Guid.NewGuid().ToString("N")[..10],
            type == LegalEntityType.EnterpriseBranch ? NewCreditCode("91") : null);
    }

    public static string NewCreditCode(string category)
    {
        var division = "14" + Random.Shared.Next(0, 10000).ToString("0000", CultureInfo.InvariantCulture);
        var body = string.Concat(Enumerable.Range(0, 8).Select(_ => Body[Random.Shared.Next(Body.Length)]));
        var first17 = category + division + body + CreditCodeCheck.Organisation(body);
        return first17 + CreditCodeCheck.Final(first17);
    }

    public Dictionary<string, string?> RegistrationFields(string smsCode) => new()
    {
        ["Type"] = Type.ToString(),
        ["OrganisationName"] = Name,
        ["CreditCode"] = CreditCode,
        ["RepresentativeName"] = RepresentativeName,
        ["RepresentativeIdNumber"] = RepresentativeIdNumber,
        ["HeadOfficeCreditCode"] = HeadOfficeCreditCode,
        ["LoginName"] = LoginName,
        ["Phone"] = Phone,
        ["SmsCode"] = smsCode,
        ["Password"] = Password,
        ["ConfirmPassword"] = Password,
        ["AcceptAgreement"] = "true",
    };

    private static class CreditCodeCheck
    {
        public static char Organisation(string body8) => ShanxiIdentity.Domain.Identifiers.CreditCode.ComputeOrganisationCheckCharacter(body8);

        public static char Final(string first17) => ShanxiIdentity.Domain.Identifiers.CreditCode.ComputeCheckCharacter(first17);
    }
}

public static class OrganisationJourney
{
    public const string RegisterUrl = "/account/register/legal";

    /// <summary>Puts the organisation into the local market-supervision registry.</summary>
    public static async Task AddToRegistryAsync(this PortalFactory factory, Organisation organisation, string? name = null, string? representative = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(organisation);
        _ = factory.Services;
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.Organisations.Add(new OrganisationRecord
        {
            CreditCode = organisation.CreditCode,
            Name = name ?? organisation.Name,
            LegalRepresentative = representative ?? organisation.RepresentativeName,
            ImportedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    public static async Task<PortalSession.Submitted> RegisterAsync(this PortalFactory factory, PortalSession session, Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(organisation);
        var page = await session.GetPageAsync(RegisterUrl);
        var (sent, message) = await session.SendSmsAsync(page, RegisterUrl, RegisterUrl + "/sms", new Dictionary<string, string?> { ["Phone"] = organisation.Phone });
        Assert.True(sent, message);
        var code = await factory.LatestSmsCodeAsync(organisation.Phone);
        return await session.SubmitAsync(page, RegisterUrl, organisation.RegistrationFields(code));
    }

    /// <summary>A market-regulated organisation held by the registry, registered and signed in.</summary>
    public static async Task<(Organisation Organisation, PortalSession Session)> RegisteredOrganisationAsync(this PortalFactory factory, LegalEntityType type = LegalEntityType.Enterprise)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var organisation = Organisation.New(type);
        await factory.AddToRegistryAsync(organisation);
        var session = factory.NewSession();
        var registered = await factory.RegisterAsync(session, organisation);
        Assert.True(registered.Location == "/my", $"Registration did not finish: {string.Join(" | ", registered.Errors)}");
        return (organisation, session);
    }

    public static async Task<PortalSession.Submitted> LogInAsLegalAsync(this PortalSession session, string account, string password)
    {
        ArgumentNullException.ThrowIfNull(session);
        var page = await session.GetPageAsync("/account/login?kind=legal");
        return await session.SubmitAsync(page, "/account/login", new Dictionary<string, string?> { ["Account"] = account, ["Password"] = password });
    }
}
