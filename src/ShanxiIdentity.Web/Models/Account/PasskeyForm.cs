using System.ComponentModel.DataAnnotations;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>
/// 添加通行密钥: the name and the current password (the fresh proof) ask for the browser's options;
/// the name and the browser's credential (JSON) then add it. Also 重命名 (the name alone).
/// </summary>
public sealed class PasskeyForm
{
    [Display(Name = "通行密钥名称")]
    public string? Name { get; set; }

    [Display(Name = "当前密码")]
    [DataType(DataType.Password)]
    public string? CurrentPassword { get; set; }

    /// <summary>The browser's <c>credential.toJSON()</c>, serialised.</summary>
    public string? Credential { get; set; }
}
