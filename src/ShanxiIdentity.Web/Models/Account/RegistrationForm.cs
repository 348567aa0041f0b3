using System.ComponentModel.DataAnnotations;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>
/// What 个人注册 and 法人注册 both ask once they know who registers: the phone and its SMS code,
/// the password twice, the user agreement (and the captcha). A registration declares its own
/// fields first, so they come first on the page and in the error summary.
/// </summary>
public abstract class RegistrationForm : CaptchaForm
{
    /// <summary>Where to go once registered: a client system's authorization request when the person came from one.</summary>
    public string? ReturnUrl { get; set; }

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

    [Display(Name = "我已阅读并同意《山西省政务服务网用户协议》和《隐私政策》")]
    public bool AcceptAgreement { get; set; }

    /// <summary>Who will hold the password, as this form says it: the password may not contain it.</summary>
    public abstract PasswordHolder HolderOfPassword();
}
