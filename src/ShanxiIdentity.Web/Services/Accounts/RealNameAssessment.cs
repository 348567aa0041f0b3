using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Services.Registry;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// Gathers an account's <see cref="RealNameEvidence"/> from what the portal already records (the
/// profile's verification, the reserved phone's history, applied counter requests, the registry's
/// answer today) and lets the domain rule name the 实名等级. Nothing stores the level.
/// </summary>
public sealed class RealNameAssessment(PortalDbContext db, IOrganisationRegistry registry)
{
    /// <summary>The level of an account loaded with its profile (AccountLocator does).</summary>
    public async Task<RealNameLevel> LevelOfAsync(Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return (await EvidenceAsync(account, cancellationToken).ConfigureAwait(false)).Level();
    }

    public async Task<RealNameEvidence> EvidenceAsync(Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var phoneProved = account.PhoneNumberConfirmed && account.PhoneNumber is not null
            && await db.ReservedPhoneChanges.AsNoTracking()
                .Where(c => c.AccountId == account.Id)
                .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
                .Select(c => (PhoneChangeChannel?)c.Channel)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) is PhoneChangeChannel.Registration or PhoneChangeChannel.Online;

        if (account.LegalEntity is { } organisation)
        {
            var holds = true;
            if (organisation.RealNameVerifiedAt is not null && organisation.Type.IsMarketRegulated() && !organisation.VerifiedAtCounter)
            {
                // As LoginGate: an unavailable registry lowers nobody; a definite "not held" does.
                holds = (await registry.LookUpAsync(organisation.CreditCode, cancellationToken).ConfigureAwait(false)).Outcome != RegistryOutcome.NotFound;
            }

            return new RealNameEvidence(organisation.RealNameVerifiedAt is not null, holds, phoneProved, organisation.VerifiedAtCounter);
        }

        if (account.Person is { } person)
        {
            // The holder in person, not an agent with a letter: only then did a clerk see this person.
            var inPerson = await db.CounterRequests.AsNoTracking().AnyAsync(
                r => r.AccountId == account.Id && r.Status == CounterRequestStatus.Applied && !r.ByAgent
                    && (r.ChangeKind == CounterChangeKind.ManualRealNameVerification || r.ChangeKind == CounterChangeKind.Registration),
                cancellationToken).ConfigureAwait(false);
            return new RealNameEvidence(person.RealNameVerifiedAt is not null, RegistryStillHolds: true, phoneProved, inPerson);
        }

        // Staff accounts are not real-name accounts (they cannot sign in to client systems).
        return new RealNameEvidence(false, true, false, false);
    }
}
