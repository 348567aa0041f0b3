namespace ShanxiIdentity.Web.Services.Registry;

/// <summary>What the market-supervision registry holds for a credit code.</summary>
public sealed record RegisteredOrganisation(string Name, string LegalRepresentative);
