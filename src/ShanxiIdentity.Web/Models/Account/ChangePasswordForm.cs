using System.ComponentModel.DataAnnotations;

namespace ShanxiIdentity.Web.Models.Account;

public sealed class ChangePasswordForm : NewPasswordForm
{
    [Display(Name = "当前密码")]
    [DataType(DataType.Password)]
    public string? CurrentPassword { get; set; }
}
