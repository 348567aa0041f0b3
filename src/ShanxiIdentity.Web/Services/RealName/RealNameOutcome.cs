namespace ShanxiIdentity.Web.Services.RealName;

public enum RealNameOutcome
{
    Verified,
    Mismatch,
    Unavailable,
}
