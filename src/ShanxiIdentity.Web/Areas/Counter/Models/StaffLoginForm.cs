using System.ComponentModel.DataAnnotations;

namespace ShanxiIdentity.Web.Areas.Counter.Models;

public sealed class StaffLoginForm : Web.Models.Account.CaptchaForm
{
    [Display(Name = "登录账号")]
    public string? LoginName { get; set; }

    [Display(Name = "密码")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}
