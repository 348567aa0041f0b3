using Microsoft.Extensions.Primitives;
using ShanxiIdentity.Web.Services.Agents;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>
/// 授权确认: which system asks for what. The authorization request's parameters travel back in
/// hidden fields, because the decision posts to the authorization endpoint itself. Under
/// organization_agent, the organisations the person may sign in as (and the one preselected).
/// </summary>
public sealed record ConsentPage(
    string ClientName,
    string AccountName,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<KeyValuePair<string, StringValues>> Parameters,
    IReadOnlyList<OwnAuthorization> Organisations,
    Guid? Preselected);
