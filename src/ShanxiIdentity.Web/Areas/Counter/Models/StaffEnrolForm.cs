using System.ComponentModel.DataAnnotations;

namespace ShanxiIdentity.Web.Areas.Counter.Models;

/// <summary>The first sign-in: bind the authenticator and choose one's own password.</summary>
public sealed class StaffEnrolForm : StaffCodeForm
{
    [Display(Name = "新密码")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "确认密码")]
    [DataType(DataType.Password)]
    public string? ConfirmPassword { get; set; }
}
