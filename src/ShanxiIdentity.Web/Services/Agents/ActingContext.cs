using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Agents;

namespace ShanxiIdentity.Web.Services.Agents;

/// <summary>
/// The request's signed-in account and the organisation it acts for, filled by the per-request
/// session check (<see cref="Accounts.SessionStampValidator"/>) from the same query, so pages,
/// the header and the 经办人管理 policy read it without asking the database again.
/// </summary>
public sealed class ActingContext
{
    public Guid? AccountId { get; private set; }

    public AccountKind? AccountKind { get; private set; }

    public ActingAs? Current { get; private set; }

    /// <summary>Whether the person holds any accepted authorisation (the header then offers 身份切换).</summary>
    public bool MayAct { get; private set; }

    /// <summary>The organisation whose authorisation ended since the last request: the header says so once.</summary>
    public string? EndedFor { get; private set; }

    public void Set(Guid accountId, AccountKind kind, ActingAs? current, bool mayAct, string? endedFor)
    {
        AccountId = accountId;
        AccountKind = kind;
        Current = current;
        MayAct = mayAct;
        EndedFor = endedFor;
    }

    /// <summary>Who may manage 经办人 now, for which organisation; null for anybody else.</summary>
    public OrganisationAdministrator? Administrator => (AccountId, AccountKind, Current) switch
    {
        ({ } id, Domain.Accounts.AccountKind.LegalEntity, _) => new OrganisationAdministrator(id, id, null),
        ({ } id, Domain.Accounts.AccountKind.Person, { Role: AgentRole.Administrator } acting) => new OrganisationAdministrator(acting.OrganisationAccountId, id, acting.AuthorizationId),
        _ => null,
    };
}
