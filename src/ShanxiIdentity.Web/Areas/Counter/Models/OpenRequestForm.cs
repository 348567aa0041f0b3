using System.ComponentModel.DataAnnotations;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Counter;

namespace ShanxiIdentity.Web.Areas.Counter.Models;

/// <summary>新建变更申请: the case of the materials table, the agent, and the change itself.</summary>
public sealed class OpenRequestForm
{
    public Guid? AccountId { get; set; }

    [Display(Name = "办理事项")]
    public CounterChangeKind? ChangeKind { get; set; }

    [Display(Name = "用户类型")]
    public CounterUserType? UserType { get; set; }

    [Display(Name = "是否代办")]
    public bool ByAgent { get; set; }

    [Display(Name = "被授权人姓名")]
    public string? AgentName { get; set; }

    [Display(Name = "被授权人身份证号")]
    public string? AgentIdNumber { get; set; }

    [Display(Name = "委托日期")]
    public string? LetterDate { get; set; }

    [Display(Name = "新手机号")]
    public string? NewPhone { get; set; }

    [Display(Name = "姓名 / 单位名称")]
    public string? Name { get; set; }

    [Display(Name = "法定代表人姓名")]
    public string? RepresentativeName { get; set; }

    [Display(Name = "法定代表人身份证号")]
    public string? RepresentativeIdNumber { get; set; }

    [Display(Name = "身份证号")]
    public string? IdNumber { get; set; }

    [Display(Name = "统一社会信用代码")]
    public string? CreditCode { get; set; }

    [Display(Name = "法人类型")]
    public LegalEntityType? LegalEntityType { get; set; }

    [Display(Name = "用户名 / 登录账号")]
    public string? LoginName { get; set; }

    [Display(Name = "总公司统一社会信用代码")]
    public string? HeadOfficeCreditCode { get; set; }

    public bool IsRegistration => ChangeKind == CounterChangeKind.Registration;

    public bool IsPersonRegistration => IsRegistration && UserType == CounterUserType.Person;

    /// <summary>The request with every identifier normalised as the domain parses it.</summary>
    public OpenRequest ToRequest() => new(
        AccountId,
        ChangeKind!.Value,
        UserType!.Value,
        ByAgent,
        PersonName.NormalizeName(AgentName) ?? Clean(AgentName),
        ResidentIdNumber.Parse(AgentIdNumber).Value?.Value,
        DateInput.Parse(LetterDate),
        Change());

    /// <summary>The change itself; 设定单位管理员 has none besides the agent it names, 注销账号 none at all.</summary>
    private CounterChange Change() => ChangeKind is CounterChangeKind.OrganisationAdministrator or CounterChangeKind.CloseAccount ? new CounterChange() : new CounterChange
    {
        NewPhone = MobilePhone.Parse(NewPhone).Value?.Value,
        Name = ChangeKind == CounterChangeKind.ReservedPhone ? null : UserType == CounterUserType.Person ? PersonName.NormalizeName(Name) ?? Clean(Name) : Clean(Name),
        RepresentativeName = Clean(RepresentativeName),
        RepresentativeIdNumber = ResidentIdNumber.Parse(RepresentativeIdNumber).Value?.Value,
        IdNumber = IsPersonRegistration ? ResidentIdNumber.Parse(IdNumber).Value?.Value : null,
        CreditCode = IsRegistration && !IsPersonRegistration ? Domain.Identifiers.CreditCode.ParseAsIssued(CreditCode).Value?.Value : null,
        LegalEntityType = IsRegistration && !IsPersonRegistration ? LegalEntityType : null,
        LoginName = IsRegistration ? Clean(LoginName) : null,
        HeadOfficeCreditCode = IsRegistration && LegalEntityType == Domain.Accounts.LegalEntityType.EnterpriseBranch
            ? Domain.Identifiers.CreditCode.ParseAsIssued(HeadOfficeCreditCode).Value?.Value
            : null,
    };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
