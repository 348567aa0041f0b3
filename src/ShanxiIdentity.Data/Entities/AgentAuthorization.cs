using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Data.Entities;

/// <summary>
/// 经办人授权: an organisation (its 法人账号) lets a person act for it with their own personal
/// account, in a role, for some or all business systems, between two dates. Granted by the
/// organisation's administrator online or at the counter; the person accepts or declines.
/// Every change gives a new <see cref="Version"/>, so of two administrators changing one
/// authorisation at once the second is refused instead of silently overwriting the first.
/// </summary>
public class AgentAuthorization
{
    public Guid Id { get; set; }

    /// <summary>The 法人账号 the person acts for.</summary>
    public Guid OrganisationAccountId { get; set; }

    public Account? Organisation { get; set; }

    /// <summary>姓名 as the administrator typed it: the invitation shows only to the account with this name and ID number.</summary>
    public required string PersonName { get; set; }

    /// <summary>身份证号, normalised; encrypted at rest.</summary>
    public required string PersonIdNumber { get; set; }

    /// <summary>Set when the person accepts (an invitation may wait for someone who has not registered yet).</summary>
    public Guid? PersonAccountId { get; set; }

    public AgentRole Role { get; set; }

    /// <summary>The business systems (client ids, space-separated); null means all of them.</summary>
    public string? ClientIds { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public AgentAuthorizationStatus Status { get; set; }

    /// <summary>The person's default 办事身份 at sign-in (at most one per person).</summary>
    public bool IsDefault { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Who granted it: the organisation's account or an administrator's; null when the counter did.</summary>
    public Guid? GrantedByAccountId { get; set; }

    /// <summary>The counter request that set this administrator, when the counter did.</summary>
    public Guid? CounterRequestId { get; set; }

    public DateTime? RespondedAt { get; set; }

    public DateTime? EndedAt { get; set; }

    public Guid Version { get; set; }

    public static AgentAuthorization Grant(Guid organisation, string personName, string personIdNumber, AgentTerms terms, Guid? grantedBy, DateTime now, Guid? counterRequestId = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var authorization = new AgentAuthorization
        {
            Id = Guid.NewGuid(),
            OrganisationAccountId = organisation,
            PersonName = personName,
            PersonIdNumber = personIdNumber,
            Status = AgentAuthorizationStatus.Invited,
            CreatedAt = now,
            GrantedByAccountId = grantedBy,
            CounterRequestId = counterRequestId,
        };
        authorization.Apply(terms);
        return authorization;
    }

    public AgentTerms Terms => new(Role, ClientIds?.Split(' ', StringSplitOptions.RemoveEmptyEntries), StartsOn, EndsOn);

    /// <summary>Invited or accepted and not past its end: it still counts (one per person, the administrator limit).</summary>
    public bool IsOpen(DateOnly today) =>
        Status is AgentAuthorizationStatus.Invited or AgentAuthorizationStatus.Accepted && today <= EndsOn;

    /// <summary>Whether the person may act for the organisation today.</summary>
    public bool IsInForce(DateOnly today) =>
        Status == AgentAuthorizationStatus.Accepted && StartsOn <= today && today <= EndsOn;

    /// <summary>Whether it reaches this business system (client id).</summary>
    public bool Covers(string clientId) =>
        ClientIds is null || ClientIds.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(clientId, StringComparer.Ordinal);

    /// <summary>Whether the account with this name and ID number is the person the invitation names.</summary>
    public bool Names(string name, string idNumber) =>
        string.Equals(PersonName, name, StringComparison.Ordinal) && string.Equals(PersonIdNumber, idNumber, StringComparison.Ordinal);

    /// <summary>修改: new terms for an open authorisation; an accepted one stays accepted.</summary>
    public string? Change(AgentTerms terms, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (!IsOpen(today))
        {
            return AgentMessages.Ended;
        }

        Apply(terms);
        return null;
    }

    public string? Accept(Guid personAccountId, DateOnly today, DateTime now)
    {
        if (Status != AgentAuthorizationStatus.Invited || !IsOpen(today))
        {
            return AgentMessages.NotInvited;
        }

        PersonAccountId = personAccountId;
        Status = AgentAuthorizationStatus.Accepted;
        RespondedAt = now;
        Touch();
        return null;
    }

    public string? Decline(Guid personAccountId, DateOnly today, DateTime now)
    {
        if (Status != AgentAuthorizationStatus.Invited || !IsOpen(today))
        {
            return AgentMessages.NotInvited;
        }

        PersonAccountId = personAccountId;
        End(AgentAuthorizationStatus.Declined, now);
        RespondedAt = now;
        return null;
    }

    /// <summary>撤回, by an administrator or by the counter replacing the administrator.</summary>
    public string? Withdraw(DateOnly today, DateTime now)
    {
        if (!IsOpen(today))
        {
            return AgentMessages.Ended;
        }

        End(AgentAuthorizationStatus.Withdrawn, now);
        return null;
    }

    /// <summary>到期: recorded once the end date has passed (the expiry job); until then <see cref="IsInForce"/> already says no.</summary>
    public bool Expire(DateOnly today, DateTime now)
    {
        if (Status is not (AgentAuthorizationStatus.Invited or AgentAuthorizationStatus.Accepted) || today <= EndsOn)
        {
            return false;
        }

        End(AgentAuthorizationStatus.Expired, now);
        return true;
    }

    /// <summary>An audit row's detail: whom (masked), the role, the dates and the systems — never the whole ID number.</summary>
    public string AuditDetail() =>
        $"{SensitiveText.MaskName(PersonName)} {SensitiveText.MaskIdNumber(PersonIdNumber)} {Role.DisplayName()} " +
        $"{StartsOn:yyyy-MM-dd}至{EndsOn:yyyy-MM-dd} {ClientIds ?? AgentNames.AllSystems} #{Id:N}";

    private void Apply(AgentTerms terms)
    {
        Role = terms.Role;
        ClientIds = terms.ClientIds is null ? null : string.Join(' ', terms.ClientIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        StartsOn = terms.StartsOn;
        EndsOn = terms.EndsOn;
        Touch();
    }

    private void End(AgentAuthorizationStatus status, DateTime now)
    {
        Status = status;
        EndedAt = now;
        IsDefault = false;
        Touch();
    }

    private void Touch() => Version = Guid.NewGuid();
}
