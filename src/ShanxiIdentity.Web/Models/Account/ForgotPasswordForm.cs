using System.ComponentModel.DataAnnotations;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>忘记密码, step one: which account.</summary>
public sealed class ForgotPasswordForm : CaptchaForm
{
    /// <summary>"person" or "legal", as on the login page.</summary>
    public string? Kind { get; set; }

    [Display(Name = "账号")]
    public string? Account { get; set; }
}
