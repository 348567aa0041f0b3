using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Domain.Sms;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Agents;
using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Services.Counter;

/// <summary>
/// 设定单位管理员, staged on the approval's unit of work (its one save commits it with the request's
/// new state and the audit rows). The organisation's open 管理员 authorisations, and any other the
/// new administrator holds for it, are withdrawn; the letter's 被授权人 is granted 管理员 for all
/// systems for the longest validity — accepted at once when they already have a personal account
/// (they stood at the counter with their ID), otherwise waiting as an invitation until they register.
/// </summary>
public sealed class CounterAdministratorAppointment(
    PortalDbContext db,
    AuditLog audit,
    SmsOutbox outbox,
    AgentInvitees invitees,
    AgentNotices notices,
    AgentSettings settings,
    TimeProvider clock)
{
    /// <summary>Stages the appointment; the notice to the organisation's reserved phone, if it has one.</summary>
    public async Task<SmsMessage?> StageAsync(CounterRequest request, Account organisation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(organisation);
        var supervisor = request.DecidedByStaffId ?? throw new InvalidOperationException("Only an approved request appoints an administrator.");
        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var name = organisation.LegalEntity!.OrganisationName;

        var open = await db.AgentAuthorizations.OpenForAsync(organisation.Id, today, cancellationToken).ConfigureAwait(false);
        foreach (var replaced in open.Where(a => a.Role == AgentRole.Administrator || a.PersonIdNumber == request.AgentIdNumber))
        {
            replaced.Withdraw(today, now);
            audit.Record(AuditAction.AgentWithdrawn, organisation.Id, supervisor, replaced.AuditDetail() + " 政务大厅设定新管理员");
            if (replaced.PersonIdNumber != request.AgentIdNumber && await notices.PersonPhoneAsync(replaced, cancellationToken).ConfigureAwait(false) is { } phone)
            {
                outbox.Add(phone, SmsMessages.AgentWithdrawnToPerson(name), SmsPurpose.AgentNotice);
            }
        }

        var terms = new AgentTerms(AgentRole.Administrator, null, today, today.AddDays(settings.MaxValidityDays - 1));
        var granted = AgentAuthorization.Grant(organisation.Id, request.AgentName!, request.AgentIdNumber!, terms, grantedBy: null, now, counterRequestId: request.Id);
        db.AgentAuthorizations.Add(granted);
        audit.Record(AuditAction.AgentGranted, organisation.Id, supervisor, granted.AuditDetail() + " 政务大厅设定单位管理员");
        if (await invitees.AccountNamedAsync(granted, cancellationToken).ConfigureAwait(false) is { } person && granted.Accept(person.Id, today, now) is null)
        {
            audit.Record(AuditAction.AgentAccepted, organisation.Id, supervisor, granted.AuditDetail() + " 本人持身份证到场确认");
            if (person.PhoneNumber is { Length: > 0 } personPhone)
            {
                outbox.Add(personPhone, SmsMessages.AdministratorSetAtCounter(name), SmsPurpose.CounterNotice);
            }
        }

        // As every change to an organisation's authorisations: a concurrent one online is refused, not merged.
        organisation.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        return organisation.PhoneNumber is { Length: > 0 } organisationPhone
            ? outbox.Add(organisationPhone, SmsMessages.AdministratorSetAtCounterToOrganisation(SensitiveText.MaskName(granted.PersonName)), SmsPurpose.CounterNotice)
            : null;
    }
}
