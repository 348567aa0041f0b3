using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;

namespace ShanxiIdentity.Web.Infrastructure;

/// <summary>One message of the development outbox page, as it shows it.</summary>
public sealed record DevSmsRow(DateTime CreatedAt, string Phone, string Purpose, string Text);

/// <summary>Development only: the newest messages of the SMS outbox, so codes can be read without a phone.</summary>
public sealed class DevSmsOutbox(PortalDbContext db)
{
    public async Task<IReadOnlyList<DevSmsRow>> NewestAsync(int count, CancellationToken cancellationToken) =>
        await db.SmsOutbox.AsNoTracking()
            .OrderByDescending(m => m.Id)
            .Take(count)
            .Select(m => new DevSmsRow(m.CreatedAt, m.Phone, m.Purpose, m.Text))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
}
