using System.ComponentModel.DataAnnotations;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>个人登录 (账号: ID number or 用户名) or 法人登录 (账号: credit code or 登录账号).</summary>
public sealed class LoginForm : CaptchaForm
{
    /// <summary>"person" or "legal": which of the two tabs the form belongs to.</summary>
    public string? Kind { get; set; }

    public bool IsLegal => Kind == LoginKinds.Legal;

    [Display(Name = "账号")]
    public string? Account { get; set; }

    [Display(Name = "密码")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}
