using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Domain.Sms;
using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Services.Agents;

/// <summary>
/// The SMS an authorisation's grant and withdrawal send, staged in the outbox so they commit with
/// the change: to the person (if an account with that name and number exists) and to whoever
/// granted or withdrew it.
/// </summary>
public sealed class AgentNotices(PortalDbContext db, SmsOutbox outbox, AgentInvitees invitees)
{
    public async Task GrantedAsync(string organisation, AgentAuthorization authorization, Guid? actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        if (await PersonPhoneAsync(authorization, cancellationToken).ConfigureAwait(false) is { } personPhone)
        {
            outbox.Add(personPhone, SmsMessages.AgentInvited(organisation, authorization.Role.DisplayName()), SmsPurpose.AgentNotice);
        }

        if (await AccountPhoneAsync(actor, cancellationToken).ConfigureAwait(false) is { } actorPhone)
        {
            outbox.Add(actorPhone, SmsMessages.AgentGranted(organisation, SensitiveText.MaskName(authorization.PersonName)), SmsPurpose.AgentNotice);
        }
    }

    public async Task WithdrawnAsync(string organisation, AgentAuthorization authorization, Guid? actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        if (await PersonPhoneAsync(authorization, cancellationToken).ConfigureAwait(false) is { } personPhone)
        {
            outbox.Add(personPhone, SmsMessages.AgentWithdrawnToPerson(organisation), SmsPurpose.AgentNotice);
        }

        if (await AccountPhoneAsync(actor, cancellationToken).ConfigureAwait(false) is { } actorPhone)
        {
            outbox.Add(actorPhone, SmsMessages.AgentWithdrawnToAdministrator(organisation, SensitiveText.MaskName(authorization.PersonName)), SmsPurpose.AgentNotice);
        }
    }

    /// <summary>The person's reserved phone: of the account that accepted, or of the one the invitation names.</summary>
    public async Task<string?> PersonPhoneAsync(AgentAuthorization authorization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return authorization.PersonAccountId is { } id
            ? await AccountPhoneAsync(id, cancellationToken).ConfigureAwait(false)
            : (await invitees.AccountNamedAsync(authorization, cancellationToken).ConfigureAwait(false))?.PhoneNumber is { Length: > 0 } phone ? phone : null;
    }

    private async Task<string?> AccountPhoneAsync(Guid? account, CancellationToken cancellationToken) =>
        account is { } id
        && await db.Users.Where(a => a.Id == id).Select(a => a.PhoneNumber).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) is { Length: > 0 } phone
            ? phone
            : null;
}
