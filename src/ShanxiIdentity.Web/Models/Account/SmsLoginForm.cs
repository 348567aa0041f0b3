using System.ComponentModel.DataAnnotations;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>短信验证码登录: the kind (个人 / 法人), the reserved phone and the code sent to it.</summary>
public sealed class SmsLoginForm : CaptchaForm
{
    /// <summary>"person" or "legal", as on the password login.</summary>
    public string? Kind { get; set; }

    public bool IsLegal => Kind == LoginKinds.Legal;

    [Display(Name = "手机号")]
    public string? Phone { get; set; }

    [Display(Name = "短信验证码")]
    public string? SmsCode { get; set; }

    public string? ReturnUrl { get; set; }
}
