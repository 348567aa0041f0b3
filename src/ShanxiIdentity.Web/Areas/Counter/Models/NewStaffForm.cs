using System.ComponentModel.DataAnnotations;

namespace ShanxiIdentity.Web.Areas.Counter.Models;

/// <summary>An administrator creates a staff account.</summary>
public sealed class NewStaffForm
{
    [Display(Name = "登录账号")]
    public string? LoginName { get; set; }

    [Display(Name = "姓名")]
    public string? Name { get; set; }

    /// <summary>The 政务大厅 the member works at (one of the imported halls' names); recorded in their audit rows.</summary>
    [Display(Name = "所在政务大厅")]
    public string? Hall { get; set; }

    [Display(Name = "角色")]
    public List<string> Roles { get; set; } = [];
}
