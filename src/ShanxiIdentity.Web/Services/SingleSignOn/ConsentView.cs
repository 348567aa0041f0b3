namespace ShanxiIdentity.Web.Services.SingleSignOn;

public sealed record ConsentView(string Id, string ClientName, IReadOnlyList<string> Scopes, DateTimeOffset? GrantedAt);
