using ShanxiIdentity.Domain.Privacy;

namespace ShanxiIdentity.Web.Services.Privacy;

/// <summary>
/// The 隐私政策's versions (<see cref="PrivacyPolicies.All"/>) and which is in force now: the latest
/// whose effective date has come, so a version can be committed before its date.
/// </summary>
public sealed class PrivacyPolicyBook(IReadOnlyList<PrivacyPolicyVersion> versions, TimeProvider clock)
{
    public PrivacyPolicyBook(TimeProvider clock)
        : this(PrivacyPolicies.All, clock)
    {
    }

    public PrivacyPolicyVersion Current
    {
        get
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return versions.Where(v => v.EffectiveFrom <= now).MaxBy(v => v.EffectiveFrom) ?? versions[0];
        }
    }

    /// <summary>Whether an account that accepted <paramref name="accepted"/> (null: the baseline) must accept the current version.</summary>
    public bool MustAccept(string? accepted) => (accepted ?? PrivacyPolicies.Baseline) != Current.Version;
}
