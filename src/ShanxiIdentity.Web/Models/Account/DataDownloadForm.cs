using System.ComponentModel.DataAnnotations;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>下载我的信息: the current password, proved again before a copy is handed out.</summary>
public sealed class DataDownloadForm
{
    [Display(Name = "当前密码")]
    public string? CurrentPassword { get; set; }
}
