namespace ShanxiIdentity.Web.Services.Registry;

public sealed record RegistryAnswer(RegistryOutcome Outcome, RegisteredOrganisation? Organisation = null);
