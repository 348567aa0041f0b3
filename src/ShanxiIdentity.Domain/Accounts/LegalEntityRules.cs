using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Domain.Accounts;

/// <summary>What a legal-entity registration must satisfy before any registry is asked.</summary>
public static class LegalEntityRules
{
    // Registration categories (positions 1–2 of the credit code) each non-market type may carry.
    private static readonly Dictionary<LegalEntityType, string[]> NonMarketCategories = new()
    {
        [LegalEntityType.SocialOrganisation] = ["51", "13", "59"],
        [LegalEntityType.PublicInstitution] = ["11", "12", "19"],
        [LegalEntityType.PrivateNonEnterprise] = ["52"],
    };

    /// <summary>
    /// Null when the code's department and category fit the chosen 法人类型; otherwise the message.
    /// A market-regulated type with a code from another department is the seed's 非市场监督管理局管理企业.
    /// </summary>
    public static string? CategoryMismatch(LegalEntityType type, CreditCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (type.IsMarketRegulated())
        {
            return code.IsMarketSupervision ? null : SeedMessages.NotMarketSupervised;
        }

        return NonMarketCategories[type].Contains(code.Category.Code)
            ? null
            : AccountMessages.CategoryMismatch(code.Category.Department, code.Category.Category, type.DisplayName());
    }

    public const int MaxOrganisationNameLength = 200;

    /// <summary>单位名称 as a licence shows it: 2–200 characters once trimmed, no control characters.</summary>
    public static bool IsValidOrganisationName(string? name) =>
        name is not null
        && name.Trim().Length is >= 2 and <= MaxOrganisationNameLength
        && !name.Any(char.IsControl);

    /// <summary>
    /// A branch (分公司) names its head office by another organisation's code: true when the two
    /// codes, as typed, are the same code once normalised.
    /// </summary>
    public static bool IsOwnHeadOffice(string? branchCode, string? headOfficeCode)
    {
        var branch = IdentifierText.Normalize(branchCode);
        return branch.Length > 0 && branch == IdentifierText.Normalize(headOfficeCode);
    }

    /// <summary>
    /// 登录账号: 6–20 ASCII letters, digits or underscores, starting with a letter, and never a
    /// valid credit code (so 账号 always means one thing at login).
    /// </summary>
    public static bool IsValidLoginName(string? loginName)
    {
        if (loginName is null || loginName.Length is < 6 or > 20 || !char.IsAsciiLetter(loginName[0]))
        {
            return false;
        }

        foreach (var c in loginName)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return !CreditCode.Parse(loginName).IsValid;
    }
}
