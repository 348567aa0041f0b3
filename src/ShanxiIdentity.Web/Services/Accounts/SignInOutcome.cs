namespace ShanxiIdentity.Web.Services.Accounts;

public enum SignInOutcome
{
    PasswordAccepted,
    WrongPassword,
    LockedOut,
}
