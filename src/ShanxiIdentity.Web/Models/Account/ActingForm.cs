using System.ComponentModel.DataAnnotations;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>
/// 身份切换: <see cref="Personal"/> for 个人办事 or the id of the authorisation to act under (an
/// empty answer is no choice, not 个人办事), and whether to start so at every sign-in.
/// </summary>
public sealed class ActingForm
{
    public const string Personal = "personal";

    [Display(Name = "办事身份")]
    public string? Identity { get; set; }

    [Display(Name = "设为默认")]
    public bool MakeDefault { get; set; }

    /// <summary>The authorisation chosen (null: 个人办事); false when the answer names neither.</summary>
    public bool TryChoice(out Guid? authorization)
    {
        authorization = null;
        if (string.Equals(Identity, Personal, StringComparison.Ordinal))
        {
            return true;
        }

        if (Guid.TryParse(Identity, out var id))
        {
            authorization = id;
            return true;
        }

        return false;
    }

    public static string ValueOf(Guid? authorization) => authorization?.ToString("N") ?? Personal;
}
