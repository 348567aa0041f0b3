namespace ShanxiIdentity.Web.Services.SingleSignOn;

/// <summary>The outcome of a registration or a secret renewal: the secret is returned once and only stored hashed.</summary>
public sealed record ClientSecretIssued(string ClientId, string Name, string? Secret);
