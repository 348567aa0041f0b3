using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// The signed-in principal: the account's id, name, e-mail and security stamp, and a staff member's
/// roles. The portal keeps nothing in Identity's user-claim and role-claim tables, so the stock
/// factory's queries for them — the user's claims, then every role and its claims — are not made.
/// The principal is rebuilt on every signed-in request (the security stamp is checked each time),
/// so this is one query for staff (roles and the hall their audit rows record) and none for a person
/// or an organisation, instead of 2 + 2 × roles.
/// </summary>
public sealed class PortalClaimsPrincipalFactory(UserManager<Account> users, IOptions<IdentityOptions> options, Data.PortalDbContext db)
    : UserClaimsPrincipalFactory<Account>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var types = Options.ClaimsIdentity;
        var identity = new ClaimsIdentity(IdentityConstants.ApplicationScheme, types.UserNameClaimType, types.RoleClaimType);
        identity.AddClaim(new Claim(types.UserIdClaimType, user.Id.ToString("D", CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(types.UserNameClaimType, user.UserName ?? string.Empty));
        if (user.Email is { Length: > 0 } email)
        {
            identity.AddClaim(new Claim(types.EmailClaimType, email));
        }

        identity.AddClaim(new Claim(types.SecurityStampClaimType, user.SecurityStamp ?? string.Empty));

        // Rebuilt on every request from the account: the cooling-off of 注销账号 shows at once (ClosingGate).
        if (user.IsClosing)
        {
            identity.AddClaim(Closing.ClosingGate.Claim);
        }

        if (user.Kind == AccountKind.Staff)
        {
            // One query: the roles, and the hall the member works at (their audit rows record it; 谁查看了我的信息 shows it, not the name).
            // (A member without roles needs no hall: StaffActor records one only beside a role.)
            var roles = await (
                from granted in db.UserRoles
                where granted.UserId == user.Id
                join role in db.Roles on granted.RoleId equals role.Id
                join profile in db.StaffProfiles on granted.UserId equals profile.AccountId
                select new { role.Name, profile.Hall }).ToListAsync().ConfigureAwait(false);
            identity.AddClaims(roles.Select(r => r.Name).OfType<string>().Select(role => new Claim(types.RoleClaimType, role)));
            if (roles.Select(r => r.Hall).FirstOrDefault() is { Length: > 0 } hall)
            {
                identity.AddClaim(new Claim(StaffActor.HallClaim, hall));
            }
        }

        return identity;
    }
}
