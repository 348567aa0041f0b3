using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Data.Protection;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Agents;

namespace ShanxiIdentity.Web.Services.Agents;

/// <summary>
/// Matches invitations and persons by 姓名 and 身份证号 together. The administrator learns nothing
/// from it: an invitation to a name and number that hold no account (or whose name differs) waits,
/// shown as 待接受, exactly like one the person has not answered yet.
/// </summary>
public sealed class AgentInvitees(PortalDbContext db)
{
    /// <summary>The invitations waiting for this person, newest first.</summary>
    public async Task<IReadOnlyList<AgentAuthorization>> InvitationsForAsync(Account person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (person.Kind != AccountKind.Person)
        {
            return [];
        }

        var profile = person.Person ?? await db.PersonProfiles.SingleAsync(p => p.AccountId == person.Id, cancellationToken).ConfigureAwait(false);
        var forms = PersonalData.LookupForms(profile.ResidentIdNumber);
        var waiting = await db.AgentAuthorizations
            .Where(a => a.Status == AgentAuthorizationStatus.Invited && forms.Contains(a.PersonIdNumber))
            .OrderByDescending(a => a.CreatedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. waiting.Where(a => a.Names(profile.Name, profile.ResidentIdNumber))];
    }

    /// <summary>The personal account an invitation names, if one exists with that name and number.</summary>
    public async Task<Account?> AccountNamedAsync(AgentAuthorization authorization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        var forms = PersonalData.LookupForms(authorization.PersonIdNumber);
        var account = await db.Users.Include(a => a.Person)
            .SingleOrDefaultAsync(a => a.Kind == AccountKind.Person && forms.Contains(a.Person!.ResidentIdNumber), cancellationToken)
            .ConfigureAwait(false);
        return account is not null && authorization.Names(account.Person!.Name, account.Person.ResidentIdNumber) ? account : null;
    }

    public Task<string?> IdNumberOfAsync(Guid personAccountId, CancellationToken cancellationToken) =>
        db.PersonProfiles.Where(p => p.AccountId == personAccountId).Select(p => (string?)p.ResidentIdNumber).SingleOrDefaultAsync(cancellationToken);
}
