using System.ComponentModel.DataAnnotations;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>忘记密码, step two: the SMS code sent to the reserved phone and the new password.</summary>
public sealed class ResetPasswordForm
{
    public string? Ticket { get; set; }

    [Display(Name = "短信验证码")]
    public string? SmsCode { get; set; }

    [Display(Name = "新密码")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "确认密码")]
    [DataType(DataType.Password)]
    public string? ConfirmPassword { get; set; }
}
