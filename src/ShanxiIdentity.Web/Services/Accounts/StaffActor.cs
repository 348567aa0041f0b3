using System.Globalization;
using System.Security.Claims;
using ShanxiIdentity.Domain.Counter;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// A staff actor's role(s) and 政务大厅 at the time of an audit row, from the signed-in principal
/// (the roles, and the hall claim <see cref="HallClaim"/> PortalClaimsPrincipalFactory adds): what
/// 谁查看了我的信息 shows instead of a name. Nothing for anyone but the request's own staff member.
/// </summary>
public static class StaffActor
{
    public const string HallClaim = "shanxi_hall";

    public static (string? Role, string? Hall) Of(ClaimsPrincipal? user, Guid? actor)
    {
        if (user?.Identity?.IsAuthenticated != true
            || actor is not { } id
            || user.FindFirst(ClaimTypes.NameIdentifier)?.Value != id.ToString("D", CultureInfo.InvariantCulture))
        {
            return (null, null);
        }

        var roles = StaffRole.All.Where(user.IsInRole).Select(StaffRole.DisplayName).ToList();
        return roles.Count == 0 ? (null, null) : (string.Join("、", roles), user.FindFirst(HallClaim)?.Value);
    }
}
