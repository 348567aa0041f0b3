namespace ShanxiIdentity.Web.Services.QrLogin;

public enum QrCompletionOutcome
{
    SignedIn,

    /// <summary>Not this browser's code, not confirmed, expired or already used.</summary>
    Refused,

    LockedOut,

    /// <summary><see cref="Accounts.LoginGate"/> refused the organisation.</summary>
    Gate,
}
