using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.Services.Counter;

/// <summary>
/// Staff accounts: created by an administrator (or, for the first one, by <c>create-admin</c>)
/// with a random one-time password; the holder sets their own password and binds an
/// authenticator at the first sign-in, so nobody else ever knows a working credential.
/// </summary>
public sealed class StaffDirectory(
    PortalDbContext db,
    UserManager<Account> users,
    AccountFactory factory,
    RoleManager<IdentityRole<Guid>> roles,
    AuditLog audit,
    SignInSessions sessions,
    TimeProvider clock)
{
    public async Task<StaffCreation> CreateAsync(string loginName, string name, IReadOnlyCollection<string> staffRoles, Guid? createdBy, string? hall = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staffRoles);

        // The hall is recorded in the member's audit rows (谁查看了我的信息): one of the imported halls, or none.
        hall = string.IsNullOrWhiteSpace(hall) ? null : hall.Trim();
        if (hall is not null && !await db.ServiceHalls.AnyAsync(h => h.Name == hall, cancellationToken).ConfigureAwait(false))
        {
            return new StaffCreation(null, null, CounterMessages.HallUnknown);
        }

        if (!PersonName.IsValidUserName(loginName))
        {
            return new StaffCreation(null, null, AccountMessages.UserNameInvalid);
        }

        if (PersonName.NormalizeName(name) is not { } cleanName)
        {
            return new StaffCreation(null, null, AccountMessages.NameInvalid);
        }

        if (staffRoles.Count == 0 || staffRoles.Any(r => !StaffRole.All.Contains(r)))
        {
            return new StaffCreation(null, null, CounterMessages.RolesRequired);
        }

        if (await users.FindByNameAsync(loginName).ConfigureAwait(false) is not null)
        {
            return new StaffCreation(null, null, AccountMessages.StaffLoginNameTaken);
        }

        await EnsureRolesAsync().ConfigureAwait(false);
        var password = OneTimePassword();
        var account = AccountFactory.Staff(loginName, cleanName, createdBy, clock.GetUtcNow().UtcDateTime);
        account.Staff!.Hall = hall;
        var created = await audit.CommitAsync(
            async () =>
            {
                var added = await factory.AddAsync(account, password).ConfigureAwait(false);
                if (!added.Succeeded)
                {
                    return added;
                }

                // The account's row first: its role links refer to it.
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                var linked = await users.AddToRolesAsync(account, staffRoles).ConfigureAwait(false);
                if (linked.Succeeded)
                {
                    audit.Record(AuditAction.StaffCreated, account.Id, createdBy ?? account.Id, string.Join(",", staffRoles));
                }

                return linked;
            },
            result => result.Succeeded,
            cancellationToken).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            return new StaffCreation(null, null, created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName))
                ? AccountMessages.StaffLoginNameTaken
                : string.Join("；", created.Errors.Select(e => e.Description)));
        }

        return new StaffCreation(account, password, null);
    }

    public async Task<string?> SetRolesAsync(Guid staffId, IReadOnlyCollection<string> staffRoles, Guid administratorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staffRoles);
        if (staffRoles.Count == 0 || staffRoles.Any(r => !StaffRole.All.Contains(r)))
        {
            return CounterMessages.RolesRequired;
        }

        var account = await db.Users.SingleOrDefaultAsync(a => a.Id == staffId && a.Kind == AccountKind.Staff, cancellationToken).ConfigureAwait(false);
        if (account is null)
        {
            return AccountMessages.StaffNotFound;
        }

        if (staffId == administratorId && !staffRoles.Contains(StaffRole.Administrator))
        {
            // The last way back in would otherwise be the create-admin command.
            return AccountMessages.CannotDropOwnAdministrator;
        }

        await EnsureRolesAsync().ConfigureAwait(false);
        await audit.CommitAsync(
            async () =>
            {
                var current = await users.GetRolesAsync(account).ConfigureAwait(false);
                await users.RemoveFromRolesAsync(account, current.Except(staffRoles)).ConfigureAwait(false);
                await users.AddToRolesAsync(account, staffRoles.Except(current)).ConfigureAwait(false);

                // Ends the member's sessions at their next request (the stamp is checked on each one):
                // the next sign-in carries the new roles.
                await users.UpdateSecurityStampAsync(account).ConfigureAwait(false);
                await sessions.EndAllAsync(account.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
                audit.Record(AuditAction.StaffRolesChanged, account.Id, administratorId, string.Join(",", staffRoles));
            },
            cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// For a lost phone or a forgotten password: a new one-time password, the authenticator unbound
    /// (the next sign-in binds one again), every session ended and the lockout cleared.
    /// </summary>
    public async Task<StaffCreation> ResetAsync(Guid staffId, Guid administratorId, CancellationToken cancellationToken = default)
    {
        var account = await db.Users.Include(a => a.Staff).SingleOrDefaultAsync(a => a.Id == staffId && a.Kind == AccountKind.Staff, cancellationToken).ConfigureAwait(false);
        if (account is null)
        {
            return new StaffCreation(null, null, AccountMessages.StaffNotFound);
        }

        var password = OneTimePassword();
        var replaced = await audit.CommitAsync(
            async () =>
            {
                var result = await users.ReplacePasswordAndUnlockAsync(sessions, account, password, cancellationToken).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    return result;
                }

                await users.SetTwoFactorEnabledAsync(account, false).ConfigureAwait(false);
                await users.ResetAuthenticatorKeyAsync(account).ConfigureAwait(false);
                audit.Record(AuditAction.StaffReset, account.Id, administratorId);
                return result;
            },
            result => result.Succeeded,
            cancellationToken).ConfigureAwait(false);
        return replaced.Succeeded
            ? new StaffCreation(account, password, null)
            : new StaffCreation(null, null, string.Join("；", replaced.Errors.Select(e => e.Description)));
    }

    public async Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken = default)
    {
        var staff = await db.Users.AsNoTracking().Include(a => a.Staff)
            .Where(a => a.Kind == AccountKind.Staff)
            .OrderBy(a => a.UserName)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var roleNames = await (from link in db.UserRoles
                               join role in db.Roles on link.RoleId equals role.Id
                               select new { link.UserId, role.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        return staff.Select(a => new StaffMember(
                a.Id,
                a.UserName!,
                a.Staff?.Name ?? string.Empty,
                roleNames.Where(r => r.UserId == a.Id).Select(r => r.Name!).OrderBy(r => StaffRole.All.ToList().IndexOf(r)).ToList(),
                a.TwoFactorEnabled,
                a.LockoutEnd > now ? a.LockoutEnd : null))
            .ToList();
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in StaffRole.All)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>16 characters from upper, lower, digits and symbols, without look-alikes (0/O, 1/l/I).</summary>
    private static string OneTimePassword()
    {
        const string upper = "ABCDEFGHJKMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnpqrstuvwxyz";
        const string digits = "23456789";
        const string symbols = "#%+=@";
        var chars = RandomNumberGenerator.GetItems<char>(upper, 4)
            .Concat(RandomNumberGenerator.GetItems<char>(lower, 5))
            .Concat(RandomNumberGenerator.GetItems<char>(digits, 5))
            .Concat(RandomNumberGenerator.GetItems<char>(symbols, 2))
            .ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
