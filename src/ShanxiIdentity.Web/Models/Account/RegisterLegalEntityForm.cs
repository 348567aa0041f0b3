using System.ComponentModel.DataAnnotations;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>法人注册.</summary>
public sealed class RegisterLegalEntityForm : RegistrationForm
{
    [Display(Name = "法人类型")]
    public string? Type { get; set; }

    [Display(Name = "单位名称")]
    public string? OrganisationName { get; set; }

    [Display(Name = "统一社会信用代码")]
    public string? CreditCode { get; set; }

    [Display(Name = "法定代表人姓名")]
    public string? RepresentativeName { get; set; }

    [Display(Name = "法定代表人身份证号")]
    public string? RepresentativeIdNumber { get; set; }

    [Display(Name = "总公司统一社会信用代码")]
    public string? HeadOfficeCreditCode { get; set; }

    [Display(Name = "登录账号")]
    public string? LoginName { get; set; }

    public LegalEntityType? ParsedType => ParseType(Type);

    public bool IsBranch => ParsedType == LegalEntityType.EnterpriseBranch;

    /// <summary>The 法人类型 as the form posts it (the enum's name); null when it names none.</summary>
    public static LegalEntityType? ParseType(string? type) =>
        Enum.TryParse<LegalEntityType>(type, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

    public override PasswordHolder HolderOfPassword() => PasswordHolder.From(RepresentativeIdNumber, Phone, LoginName);
}
