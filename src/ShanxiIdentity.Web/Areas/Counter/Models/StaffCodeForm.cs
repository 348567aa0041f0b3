using System.ComponentModel.DataAnnotations;

namespace ShanxiIdentity.Web.Areas.Counter.Models;

/// <summary>The authenticator code step.</summary>
public class StaffCodeForm
{
    public string? Ticket { get; set; }

    public string? ReturnUrl { get; set; }

    [Display(Name = "动态验证码")]
    public string? Code { get; set; }
}
