using FluentValidation;
using ShanxiIdentity.Domain.Accounts;

namespace ShanxiIdentity.Web.Validation;

/// <summary>
/// The account and organisation rules of the domain as FluentValidation rules, written once for
/// the online forms and the counter's forms alike.
/// </summary>
public static class AccountFieldRules
{
    /// <summary>姓名 as on the ID card (<see cref="PersonName.NormalizeName"/>).</summary>
    public static IRuleBuilderOptions<T, string?> PersonName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(n => Domain.Accounts.PersonName.NormalizeName(n) is not null).WithMessage(AccountMessages.NameInvalid);

    /// <summary>用户名 (a staff member's 登录账号 follows the same rule).</summary>
    public static IRuleBuilderOptions<T, string?> UserName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(Domain.Accounts.PersonName.IsValidUserName).WithMessage(AccountMessages.UserNameInvalid);

    /// <summary>用户名 where a person may leave it empty.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalUserName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(n => string.IsNullOrWhiteSpace(n) || Domain.Accounts.PersonName.IsValidUserName(n)).WithMessage(AccountMessages.UserNameInvalid);

    /// <summary>单位名称 as the licence or registration certificate shows it.</summary>
    public static IRuleBuilderOptions<T, string?> OrganisationName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(LegalEntityRules.IsValidOrganisationName).WithMessage(AccountMessages.OrganisationNameInvalid);

    /// <summary>An organisation's 登录账号.</summary>
    public static IRuleBuilderOptions<T, string?> LoginName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(LegalEntityRules.IsValidLoginName).WithMessage(AccountMessages.LoginNameInvalid);

    /// <summary>总公司统一社会信用代码: another organisation's code, never the branch's own.</summary>
    public static IRuleBuilderOptions<T, string?> HeadOfficeOf<T>(this IRuleBuilder<T, string?> rule, Func<T, string?> branchCode) =>
        rule.Must((form, code) => !LegalEntityRules.IsOwnHeadOffice(branchCode(form), code)).WithMessage(AccountMessages.HeadOfficeSameAsBranch);

    /// <summary>
    /// A new password against <see cref="PasswordPolicy"/>, with what the form itself says about its
    /// holder (ID number, phone, account name) so the password cannot contain them.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, string?> NewPassword<T>(this IRuleBuilder<T, string?> rule, Func<T, PasswordHolder>? holder = null) =>
        rule.Custom((password, context) =>
        {
            var about = holder?.Invoke(context.InstanceToValidate) ?? PasswordHolder.Unknown;
            IdentifierRules.AddErrors(context, PasswordPolicy.Check(password, about.IdNumber, about.Phone, about.AccountName));
        });

    /// <summary>确认密码: the same as the password field.</summary>
    public static IRuleBuilderOptions<T, string?> ConfirmsPassword<T>(this IRuleBuilder<T, string?> rule, Func<T, string?> password) =>
        rule.Must((form, confirmation) => confirmation == password(form)).WithMessage(AccountMessages.PasswordsDiffer);
}
