using System.ComponentModel.DataAnnotations;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>注销账号: the re-authentication (current password and a code to the reserved phone).</summary>
public sealed class CloseAccountForm
{
    [Display(Name = "当前密码")]
    [DataType(DataType.Password)]
    public string? CurrentPassword { get; set; }

    [Display(Name = "短信验证码")]
    public string? SmsCode { get; set; }
}
