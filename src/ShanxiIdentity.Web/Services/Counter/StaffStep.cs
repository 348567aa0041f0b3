namespace ShanxiIdentity.Web.Services.Counter;

public enum StaffStep
{
    /// <summary>Wrong name or password, or locked: <see cref="StaffStepResult.Message"/> says which.</summary>
    Refused,

    /// <summary>The password was right; the authenticator code comes next.</summary>
    Code,

    /// <summary>The password was right, and no authenticator is bound yet: bind one and choose a password.</summary>
    Enrol,

    SignedIn,
}
