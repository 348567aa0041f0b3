using System.ComponentModel.DataAnnotations;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>A form that ends with a new password typed twice (新密码, 确认密码).</summary>
public abstract class NewPasswordForm
{
    [Display(Name = "新密码")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "确认密码")]
    [DataType(DataType.Password)]
    public string? ConfirmPassword { get; set; }
}
