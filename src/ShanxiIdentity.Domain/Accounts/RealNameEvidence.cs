namespace ShanxiIdentity.Domain.Accounts;

/// <summary>
/// What the portal's own records say about an account, and the one rule that turns it into a
/// 实名等级. Each fact is read from existing data (no column holds the level: it cannot drift).
/// </summary>
/// <param name="IdentityConfirmed">The registry (or a clerk) confirmed the identity: RealNameVerifiedAt is set.</param>
/// <param name="RegistryStillHolds">False only when the registry definitely no longer holds a market-regulated organisation that no clerk verified.</param>
/// <param name="PhoneProvedBySms">The current reserved phone was given online, where an SMS code proved it (not typed in by a clerk).</param>
/// <param name="VerifiedInPerson">A clerk verified the holder in person: an applied 人工实名核验 or counter registration made by the holder (not by agent), or an organisation's licence checked at the counter.</param>
public sealed record RealNameEvidence(bool IdentityConfirmed, bool RegistryStillHolds, bool PhoneProvedBySms, bool VerifiedInPerson)
{
    public RealNameLevel Level()
    {
        if (VerifiedInPerson)
        {
            return RealNameLevel.InPerson;
        }

        if (!IdentityConfirmed || !RegistryStillHolds)
        {
            return RealNameLevel.FormatOnly;
        }

        return PhoneProvedBySms ? RealNameLevel.PhoneProved : RealNameLevel.RegistryConfirmed;
    }
}
