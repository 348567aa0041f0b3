using System.Security.Claims;
using OpenIddict.Abstractions;
using ShanxiIdentity.Web.Services.Accounts;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShanxiIdentity.Web.Services.SingleSignOn;

public sealed record ConsentView(string Id, string ClientName, IReadOnlyList<string> Scopes, DateTimeOffset? GrantedAt);
