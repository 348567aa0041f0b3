using System.ComponentModel.DataAnnotations;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>忘记密码, step two: the SMS code sent to the reserved phone and the new password.</summary>
public sealed class ResetPasswordForm : NewPasswordForm
{
    public string? Ticket { get; set; }

    [Display(Name = "短信验证码")]
    public string? SmsCode { get; set; }
}
