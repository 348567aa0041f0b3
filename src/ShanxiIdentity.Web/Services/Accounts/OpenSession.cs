using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// A signed-in browser as its per-request check reads it: the account, the authorisation it acts
/// under (身份切换) with that organisation's name, whether the person may act for any, and when the
/// session was last noted as used (<see cref="SignInSessions.SeenAsync"/>).
/// </summary>
public sealed record OpenSession(Account Account, AgentAuthorization? Acting, string? ActingFor, bool MayAct, DateTime LastSeen);
