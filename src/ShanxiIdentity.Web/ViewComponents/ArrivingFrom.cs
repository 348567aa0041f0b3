namespace ShanxiIdentity.Web.ViewComponents;

public sealed record ArrivingFrom(string ClientName, bool Registering);
