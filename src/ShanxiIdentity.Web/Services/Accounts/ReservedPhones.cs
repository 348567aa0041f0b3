using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Counter;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// A change of an existing account's 预留手机号, online or at the counter: <see cref="Account.ChangeReservedPhone"/>,
/// and when that ends the account's sessions, their rows too. Staged on the unit of work: the caller's
/// commit writes it with its audit row.
/// </summary>
public sealed class ReservedPhones(PortalDbContext db, TimeProvider clock)
{
    public async Task<ReservedPhoneChange> ChangeAsync(Account account, string newPhone, PhoneChangeChannel channel, Guid? counterRequestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var now = clock.GetUtcNow().UtcDateTime;
        var change = account.ChangeReservedPhone(newPhone, channel, now, counterRequestId);
        if (Account.EndsSessions(change))
        {
            // The new stamp already refuses them; the rows then say what is open.
            foreach (var session in await db.SignInSessions.Where(s => s.AccountId == account.Id && s.EndedAt == null).ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                session.EndedAt = now;
            }
        }

        return change;
    }
}
