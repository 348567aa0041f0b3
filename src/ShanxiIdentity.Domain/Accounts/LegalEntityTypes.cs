namespace ShanxiIdentity.Domain.Accounts;

public static class LegalEntityTypes
{
    public static string DisplayName(this LegalEntityType type) => type switch
    {
        LegalEntityType.Enterprise => "企业法人",
        LegalEntityType.EnterpriseBranch => "企业法人（分公司）",
        LegalEntityType.IndividualBusiness => "个体工商户",
        LegalEntityType.SocialOrganisation => "社团法人",
        LegalEntityType.PublicInstitution => "机关事业单位法人",
        LegalEntityType.PrivateNonEnterprise => "民办非企业",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Types registered by the market-supervision administration (企业法人, its branches, 个体工商户).</summary>
    public static bool IsMarketRegulated(this LegalEntityType type) =>
        type is LegalEntityType.Enterprise or LegalEntityType.EnterpriseBranch or LegalEntityType.IndividualBusiness;
}
