namespace ShanxiIdentity.Web.Services.Registry;

public enum RegistryOutcome
{
    Found,
    NotFound,
    Unavailable,
}
