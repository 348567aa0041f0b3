using System.ComponentModel.DataAnnotations;

namespace ShanxiIdentity.Web.Models.Account;

public sealed class ChangePasswordForm
{
    [Display(Name = "当前密码")]
    [DataType(DataType.Password)]
    public string? CurrentPassword { get; set; }

    [Display(Name = "新密码")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "确认密码")]
    [DataType(DataType.Password)]
    public string? ConfirmPassword { get; set; }
}
