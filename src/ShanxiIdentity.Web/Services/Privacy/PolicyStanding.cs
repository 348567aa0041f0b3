namespace ShanxiIdentity.Web.Services.Privacy;

/// <summary>
/// Per request: the signed-in holder's accepted 隐私政策 version, set by the session check
/// (SessionStampValidator) from the account row it loads anyway, so the gate costs no query.
/// Not set for staff or anonymous visitors.
/// </summary>
public sealed class PolicyStanding
{
    public bool IsHolder { get; private set; }

    public string? AcceptedVersion { get; private set; }

    public void Set(string? acceptedVersion)
    {
        IsHolder = true;
        AcceptedVersion = acceptedVersion;
    }
}
