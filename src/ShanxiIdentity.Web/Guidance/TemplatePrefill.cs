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

        return values;
    }
}
