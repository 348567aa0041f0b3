using System.ComponentModel.DataAnnotations;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>两步验证 at sign-in (or step-up): the ticket from the password step, and a code.</summary>
public sealed class SecondFactorForm
{
    public string? Ticket { get; set; }

    public string? ReturnUrl { get; set; }

    /// <summary>The account's method (otp or sms), for the page's words; not trusted from the post.</summary>
    public string? Method { get; set; }

    [Display(Name = "验证码")]
    public string? Code { get; set; }

    [Display(Name = "使用恢复码")]
    public bool Recovery { get; set; }
}
