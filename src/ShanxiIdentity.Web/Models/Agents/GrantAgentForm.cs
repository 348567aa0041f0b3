using System.ComponentModel.DataAnnotations;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Agents;

namespace ShanxiIdentity.Web.Models.Agents;

/// <summary>新增授权: the person by 姓名 and 身份证号, and the terms.</summary>
public sealed class GrantAgentForm : AgentTermsForm
{
    [Display(Name = "姓名")]
    public string? PersonName { get; set; }

    [Display(Name = "身份证号")]
    public string? PersonIdNumber { get; set; }

    /// <summary>A blank form: 经办人, all systems, from today for a year (the last day included).</summary>
    public static GrantAgentForm Blank(DateOnly today) => new()
    {
        StartsOn = Date(today),
        EndsOn = Date(today.AddYears(1).AddDays(-1)),
    };

    /// <summary>The grant with 姓名 and 身份证号 normalised as the domain parses them; call once the validator passed.</summary>
    public AgentGrant ToGrant() => new(
        Domain.Accounts.PersonName.NormalizeName(PersonName)!,
        ResidentIdNumber.Parse(PersonIdNumber).Value!.Value,
        ToTerms());
}
