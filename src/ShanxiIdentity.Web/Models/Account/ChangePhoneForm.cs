using System.ComponentModel.DataAnnotations;

namespace ShanxiIdentity.Web.Models.Account;

public sealed class ChangePhoneForm
{
    [Display(Name = "当前密码")]
    [DataType(DataType.Password)]
    public string? CurrentPassword { get; set; }

    [Display(Name = "新手机号")]
    public string? NewPhone { get; set; }

    [Display(Name = "原手机号短信验证码")]
    public string? OldPhoneCode { get; set; }

    [Display(Name = "新手机号短信验证码")]
    public string? NewPhoneCode { get; set; }
}
