using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FluentValidation;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Counter;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Areas.Counter.Models;

/// <summary>A date as an <c>&lt;input type="date"&gt;</c> posts it (yyyy-MM-dd); null when it is not one.</summary>
public static class DateInput
{
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}

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
        Clean(AgentName),
        ResidentIdNumber.Parse(AgentIdNumber).Value?.Value,
        DateInput.Parse(LetterDate),
        new CounterChange
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
        });

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class OpenRequestFormValidator : AbstractValidator<OpenRequestForm>
{
    public OpenRequestFormValidator()
    {
        RuleFor(f => f.ChangeKind).NotNull().WithMessage(SeedMessages.StarredFieldsRequired).IsInEnum();
        RuleFor(f => f.UserType).NotNull().WithMessage(SeedMessages.StarredFieldsRequired).IsInEnum();

        When(f => f.ByAgent, () =>
        {
            RuleFor(f => f.AgentName).Required().Must(n => PersonName.NormalizeName(n) is not null).WithMessage(AccountMessages.NameInvalid);
            RuleFor(f => f.AgentIdNumber).Required().ResidentIdNumber();
            RuleFor(f => f.LetterDate).Required().Must(d => DateInput.Parse(d) is not null).WithMessage("请按“年-月-日”填写委托日期");
        });

        When(f => f.ChangeKind is CounterChangeKind.ReservedPhone or CounterChangeKind.Registration, () =>
            RuleFor(f => f.NewPhone).Required().MobilePhone());

        When(f => f.ChangeKind == CounterChangeKind.AccountInformation, () =>
        {
            // A person's 姓名 follows the name rule; only an organisation's 单位名称 the looser one.
            RuleFor(f => f.Name).Must(n => PersonName.NormalizeName(n) is not null).WithMessage(AccountMessages.NameInvalid)
                .When(f => !string.IsNullOrWhiteSpace(f.Name) && f.UserType == CounterUserType.Person);
            RuleFor(f => f.Name).Must(n => n!.Trim().Length is >= 2 and <= 200 && !n.Any(char.IsControl)).WithMessage(AccountMessages.OrganisationNameInvalid)
                .When(f => !string.IsNullOrWhiteSpace(f.Name) && f.UserType != CounterUserType.Person);
            RuleFor(f => f.RepresentativeName).Must(n => PersonName.NormalizeName(n) is not null).WithMessage(AccountMessages.NameInvalid)
                .When(f => !string.IsNullOrWhiteSpace(f.RepresentativeName));
            RuleFor(f => f.RepresentativeIdNumber).ResidentIdNumber().When(f => !string.IsNullOrWhiteSpace(f.RepresentativeIdNumber));
        });

        When(f => f.IsPersonRegistration, () =>
        {
            RuleFor(f => f.Name).Required().Must(n => PersonName.NormalizeName(n) is not null).WithMessage(AccountMessages.NameInvalid);
            RuleFor(f => f.IdNumber).Required().ResidentIdNumber();
            RuleFor(f => f.LoginName).Must(PersonName.IsValidUserName).WithMessage(AccountMessages.UserNameInvalid)
                .When(f => !string.IsNullOrWhiteSpace(f.LoginName));
        });

        When(f => f.IsRegistration && !f.IsPersonRegistration, () =>
        {
            RuleFor(f => f.Name).Required().Must(n => n!.Trim().Length is >= 2 and <= 200 && !n.Any(char.IsControl)).WithMessage(AccountMessages.OrganisationNameInvalid);
            RuleFor(f => f.LegalEntityType).NotNull().WithMessage("请选择法人类型").IsInEnum();

            // The licence in the clerk's hand decides: shape only, not the check characters.
            RuleFor(f => f.CreditCode).Required().Custom((code, context) =>
            {
                if (Domain.Identifiers.CreditCode.ParseAsIssued(code).Error is { } error)
                {
                    context.AddFailure(error);
                }
            });
            RuleFor(f => f.RepresentativeName).Required().Must(n => PersonName.NormalizeName(n) is not null).WithMessage(AccountMessages.NameInvalid);
            RuleFor(f => f.RepresentativeIdNumber).Required().ResidentIdNumber();
            RuleFor(f => f.LoginName).Required().Must(LegalEntityRules.IsValidLoginName).WithMessage(AccountMessages.LoginNameInvalid);
            RuleFor(f => f.HeadOfficeCreditCode).Required().Custom((code, context) =>
            {
                if (Domain.Identifiers.CreditCode.ParseAsIssued(code).Error is { } error)
                {
                    context.AddFailure(error);
                }
            }).When(f => f.LegalEntityType == Domain.Accounts.LegalEntityType.EnterpriseBranch);
        });
    }
}

public sealed class RejectForm
{
    [Display(Name = "驳回原因")]
    public string? Reason { get; set; }
}

/// <summary>Identifiers on staff screens: masked, unless the staff member asked to reveal them (audited).</summary>
public static class Masking
{
    public static string Show(bool revealed, string? value, Func<string, string> mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        return value is null ? string.Empty : revealed ? value : mask(value);
    }
}

/// <summary>A request as staff see it: identifiers masked unless revealed (and the reveal audited).</summary>
public sealed record RequestView(
    CounterRequest Request,
    CounterChange Change,
    Account? Account,
    string? CreatedBy,
    string? DecidedBy,
    bool Revealed,
    Guid StaffId,
    bool CanEdit,
    bool CanDecide)
{
    public string Reference => CounterDesk.Reference(Request.Id);

    public string Show(string? value, Func<string, string> mask) => Masking.Show(Revealed, value, mask);
}

/// <summary>An account as staff see it.</summary>
public sealed record AccountCard(Account Account, bool Revealed, IReadOnlyList<CounterRequest> Requests)
{
    public string Show(string? value, Func<string, string> mask) => Masking.Show(Revealed, value, mask);

    public string KindName => Account.Kind switch
    {
        AccountKind.Person => "个人账号",
        AccountKind.LegalEntity => "法人账号",
        _ => "员工账号",
    };

    public CounterUserType? UserType => Account.LegalEntity is { } organisation ? organisation.Type.UserType() : CounterUserType.Person;
}
