namespace ShanxiIdentity.Web.Services.Registry;

/// <summary>市场监督管理局 registry: which organisations it manages, under which name and representative.</summary>
public interface IOrganisationRegistry
{
    Task<RegistryAnswer> LookUpAsync(string creditCode, CancellationToken cancellationToken);
}
