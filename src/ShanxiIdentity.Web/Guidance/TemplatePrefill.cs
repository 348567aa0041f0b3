using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Guidance;

/// <summary>What the portal knows about the signed-in account, keyed by the templates' blanks.</summary>
public static class TemplatePrefill
{
    public static IReadOnlyDictionary<string, string> For(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var values = new Dictionary<string, string>();
        if (account.Person is { } person)
        {
            values["委托人姓名"] = person.Name;
            values["委托人身份证号码"] = person.ResidentIdNumber;
            values["签署人"] = person.Name;
            if (account.PhoneNumber is { } phone)
            {
                values["委托人电话"] = phone;
            }
        }

        if (account.LegalEntity is { } organisation)
        {
            var representative = organisation.Type == Domain.Accounts.LegalEntityType.EnterpriseBranch ? "负责人" : "法定代表人";
            values["委托单位"] = organisation.OrganisationName;
            values["委托单位名称"] = organisation.OrganisationName;
            values["统一社会信用代码"] = organisation.CreditCode;
            values[representative] = organisation.RepresentativeName;
            values[representative + "姓名"] = organisation.RepresentativeName;
            values[representative + "身份证号码"] = organisation.RepresentativeIdNumber;
            values["签署人"] = organisation.OrganisationName;
        }

        return values;
    }
}
