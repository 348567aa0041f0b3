namespace ShanxiIdentity.Domain.Privacy;

/// <summary>
/// The 隐私政策, version by version: content of the repository. To publish a new version the
/// operator adds its text (a view) and appends it here with its effective date (docs/privacy.md);
/// from that date each person is asked to accept it at their next sign-in. Version 1 is the policy
/// published on /privacy before versions were kept: an account registered before then has no
/// recorded acceptance and stands on it (it is not asked again for the text it was shown).
/// </summary>
public static class PrivacyPolicies
{
    /// <summary>The version an account with no recorded acceptance stands on.</summary>
    public const string Baseline = "1";

    public static PrivacyPolicyVersion First { get; } = new(Baseline, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), []);

    /// <summary>Every version, oldest first.</summary>
    public static IReadOnlyList<PrivacyPolicyVersion> All { get; } = [First];
}
