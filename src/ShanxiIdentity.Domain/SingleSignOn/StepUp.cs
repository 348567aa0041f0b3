using ShanxiIdentity.Domain.Accounts;

namespace ShanxiIdentity.Domain.SingleSignOn;

/// <summary>
/// What a client system's sign-in request needs beyond a signed-in person, decided in one place
/// (docs/decisions/0013-real-name-levels.md): the lowest level it names in <c>acr_values</c> that
/// the account meets (never below the client's minimum set in 接入系统) is the <c>acr</c> the tokens
/// carry; without level values, the account's own level. <see cref="RealNameLevels.MultiFactorAcr"/>
/// asks for a session with a second factor (amr contains mfa).
/// </summary>
public sealed record StepUp(StepUpOutcome Outcome, string? Acr, RealNameLevel Required, RealNameLevel Level)
{
    public static StepUp Decide(RealNameLevel account, IEnumerable<string> acrValues, RealNameLevel? clientMinimum, bool multiFactorSession)
    {
        ArgumentNullException.ThrowIfNull(acrValues);
        var values = acrValues.ToList();
        var minimum = clientMinimum ?? RealNameLevel.FormatOnly;
        var requested = values.Select(RealNameLevels.FromAcr).OfType<RealNameLevel>().Select(l => l < minimum ? minimum : l).Distinct().Order().ToList();
        var required = requested.Count > 0 ? requested[0] : minimum;
        if (account < required)
        {
            return new StepUp(StepUpOutcome.LevelTooLow, null, required, account);
        }

        if (values.Contains(RealNameLevels.MultiFactorAcr, StringComparer.Ordinal) && !multiFactorSession)
        {
            return new StepUp(StepUpOutcome.SecondFactorNeeded, null, required, account);
        }

        // Asked for levels: the lowest one requested that the account meets is the class satisfied (OIDC
        // Core 2: acr names what the authentication satisfied). Asked for none: the account's own level.
        return new StepUp(StepUpOutcome.Satisfied, RealNameLevels.Acr(requested.Count > 0 ? required : account), required, account);
    }
}
