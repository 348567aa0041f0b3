namespace ShanxiIdentity.Web.Services.Accounts;

public enum AuthenticatorVerdict
{
    Accepted,
    Wrong,

    /// <summary>Right for its time, but that step (or a later one) was already used, or the sign-in it belongs to is over.</summary>
    Used,
}
