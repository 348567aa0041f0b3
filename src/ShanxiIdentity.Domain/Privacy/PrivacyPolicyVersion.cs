namespace ShanxiIdentity.Domain.Privacy;

/// <summary>
/// One version of the 隐私政策: in force from <see cref="EffectiveFrom"/> (UTC) until a later one is.
/// Its text is the view <c>Views/Site/_PrivacyPolicy{Version}.cshtml</c> (or <paramref name="View"/>);
/// <see cref="Changes"/> says what differs from the version before, shown to a person asked to accept it.
/// </summary>
public sealed record PrivacyPolicyVersion(string Version, DateTime EffectiveFrom, IReadOnlyList<string> Changes, string? View = null)
{
    /// <summary>The partial view holding the text.</summary>
    public string ViewName => View ?? "_PrivacyPolicy" + Version;
}
