using System.ComponentModel.DataAnnotations;
using ShanxiIdentity.Domain.Accounts;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>个人注册.</summary>
public sealed class RegisterPersonForm : CaptchaForm
{
    /// <summary>Where to go once registered: a client system's authorization request when the person came from one.</summary>
    public string? ReturnUrl { get; set; }

    [Display(Name = "姓名")]
    public string? Name { get; set; }

    [Display(Name = "身份证号")]
    public string? IdNumber { get; set; }

    [Display(Name = "用户名")]
    public string? UserName { get; set; }

    [Display(Name = "手机号")]
    public string? Phone { get; set; }

    [Display(Name = "短信验证码")]
    public string? SmsCode { get; set; }

    [Display(Name = "密码")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "确认密码")]
    [DataType(DataType.Password)]
    public string? ConfirmPassword { get; set; }

    [Display(Name = "我已阅读并同意《山西省政务服务网用户协议》")]
    public bool AcceptAgreement { get; set; }
}
