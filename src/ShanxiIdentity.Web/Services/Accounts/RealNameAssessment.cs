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

    /// <summary>
    /// Whether the account still holds <paramref name="level"/>: asked on every refresh of a client's
    /// tokens, so the database is read only when the loaded profile alone does not settle it. The level
    /// only rises with each fact, so the profile with the unread facts taken as false is a floor.
    /// </summary>
    public async Task<bool> HoldsAtLeastAsync(Account account, RealNameLevel level, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Floor(account).Level() >= level
            || (await EvidenceAsync(account, cancellationToken).ConfigureAwait(false)).Level() >= level;
    }

    public async Task<RealNameEvidence> EvidenceAsync(Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var floor = Floor(account);
        if (account.Person is null && account.LegalEntity is null)
        {
            return floor;
        }

        var (channel, inPerson) = await RecordedFactsAsync(account.Id, cancellationToken).ConfigureAwait(false);
        floor = floor with { PhoneProvedBySms = account.PhoneNumberConfirmed && account.PhoneNumber is not null && channel is PhoneChangeChannel.Registration or PhoneChangeChannel.Online };
        if (account.LegalEntity is { } organisation)
        {
            // As LoginGate: an unavailable registry lowers nobody; a definite "not held" does.
            return !NeedsRegistry(organisation) ? floor
                : floor with { RegistryStillHolds = (await registry.LookUpAsync(organisation.CreditCode, cancellationToken).ConfigureAwait(false)).Outcome != RegistryOutcome.NotFound };
        }

        return floor with { VerifiedInPerson = inPerson };
    }

    /// <summary>
    /// The channel of the reserved phone's latest change, and whether the holder (not an agent with a
    /// letter) was verified at a counter in person: one round trip, as this runs on every token refresh.
    /// </summary>
    private async Task<(PhoneChangeChannel? Channel, bool InPerson)> RecordedFactsAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var facts = await db.Users.AsNoTracking().Where(a => a.Id == accountId).Select(a => new
        {
            Channel = db.ReservedPhoneChanges.Where(c => c.AccountId == a.Id)
                .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
                .Select(c => (PhoneChangeChannel?)c.Channel).FirstOrDefault(),
            InPerson = db.CounterRequests.Any(r => r.AccountId == a.Id && r.Status == CounterRequestStatus.Applied && !r.ByAgent
                && (r.ChangeKind == CounterChangeKind.ManualRealNameVerification || r.ChangeKind == CounterChangeKind.Registration)),
        }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return (facts?.Channel, facts?.InPerson == true);
    }

    /// <summary>The evidence the loaded account shows by itself, every fact it cannot show taken as false (the registry's too).</summary>
    private static RealNameEvidence Floor(Account account) => account switch
    {
        { LegalEntity: { } organisation } => new RealNameEvidence(organisation.RealNameVerifiedAt is not null, !NeedsRegistry(organisation), false, organisation.VerifiedAtCounter),
        { Person: { } person } => new RealNameEvidence(person.RealNameVerifiedAt is not null, true, false, false),
        _ => new RealNameEvidence(false, true, false, false), // staff are not real-name accounts (they cannot sign in to client systems)
    };

    private static bool NeedsRegistry(LegalEntityProfile organisation) =>
        organisation.RealNameVerifiedAt is not null && organisation.Type.IsMarketRegulated() && !organisation.VerifiedAtCounter;
}
