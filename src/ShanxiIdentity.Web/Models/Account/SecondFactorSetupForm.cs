using System.ComponentModel.DataAnnotations;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>Turning 两步验证 on or off, or renewing the recovery codes: the current password and (except renewal) a code.</summary>
public sealed class SecondFactorSetupForm
{
    [Display(Name = "当前密码")]
    [DataType(DataType.Password)]
    public string? CurrentPassword { get; set; }

    [Display(Name = "验证方式")]
    public string? Method { get; set; }

    [Display(Name = "验证码")]
    public string? Code { get; set; }

    [Display(Name = "使用恢复码")]
    public bool Recovery { get; set; }

    public string? ReturnUrl { get; set; }
}
