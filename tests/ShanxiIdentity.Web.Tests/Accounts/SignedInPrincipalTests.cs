using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Accounts;

/// <summary>The principal a sign-in (and every signed-in request's stamp check) builds, from the portal's own container.</summary>
public sealed class SignedInPrincipalTests(SqlitePortalFactory factory) : IClassFixture<SqlitePortalFactory>
{
    [Fact]
    public async Task A_person_is_signed_in_with_id_name_and_stamp_and_no_role()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var account = await factory.QueryAsync(db => db.Users.SingleAsync(a => a.Person!.ResidentIdNumber == citizen.IdNumber));

        var principal = await PrincipalAsync(account);

        Assert.Equal(account.Id.ToString(), principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal(account.UserName, principal.Identity!.Name);
        Assert.Equal(account.SecurityStamp, principal.FindFirstValue("AspNet.Identity.SecurityStamp"));
        Assert.Equal(IdentityConstants.ApplicationScheme, principal.Identity.AuthenticationType);
        Assert.Empty(principal.FindAll(ClaimTypes.Role));
    }

    [Fact]
    public async Task A_staff_member_is_signed_in_with_every_role_granted()
    {
        var (loginName, _) = await factory.CreateStaffAsync(StaffRole.Clerk, StaffRole.Supervisor);
        var account = await factory.QueryAsync(db => db.Users.SingleAsync(a => a.UserName == loginName));

        var principal = await PrincipalAsync(account);

        Assert.Equal(loginName, principal.Identity!.Name);
        Assert.True(principal.IsInRole(StaffRole.Clerk));
        Assert.True(principal.IsInRole(StaffRole.Supervisor));
        Assert.False(principal.IsInRole(StaffRole.Administrator));
    }

    private async Task<ClaimsPrincipal> PrincipalAsync(Account account)
    {
        await using var scope = factory.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var tracked = await users.FindByIdAsync(account.Id.ToString()) ?? throw new InvalidOperationException("The account is gone.");
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<Account>>().CreateAsync(tracked);
    }
}
