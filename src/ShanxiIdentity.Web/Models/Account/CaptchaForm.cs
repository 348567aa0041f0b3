using System.ComponentModel.DataAnnotations;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>A form protected by the image captcha (验证码).</summary>
public abstract class CaptchaForm
{
    /// <summary>The captcha's protected token (see CaptchaService).</summary>
    public string? CaptchaId { get; set; }

    [Display(Name = "验证码")]
    public string? Captcha { get; set; }
}
