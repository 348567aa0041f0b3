using System.ComponentModel.DataAnnotations;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>个人注册.</summary>
public sealed class RegisterPersonForm : RegistrationForm
{
    [Display(Name = "姓名")]
    public string? Name { get; set; }

    [Display(Name = "身份证号")]
    public string? IdNumber { get; set; }

    [Display(Name = "用户名")]
    public string? UserName { get; set; }

    public override PasswordHolder HolderOfPassword() => PasswordHolder.From(IdNumber, Phone, UserName);
}
