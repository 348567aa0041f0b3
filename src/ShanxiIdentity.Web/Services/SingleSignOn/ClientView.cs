namespace ShanxiIdentity.Web.Services.SingleSignOn;

public sealed record ClientView(string ClientId, bool Confidential, ClientSettings Settings);
