namespace ShanxiIdentity.Web.Services.Accounts;

public enum SmsSignInOutcome
{
    SignedIn,

    /// <summary>A wrong, expired or spent code: the same answer whether or not the phone has an account.</summary>
    CodeRefused,

    /// <summary>A right code for a locked account (only the phone's holder learns it).</summary>
    LockedOut,

    /// <summary>A right code for an organisation <see cref="LoginGate"/> keeps out.</summary>
    Gate,
}
