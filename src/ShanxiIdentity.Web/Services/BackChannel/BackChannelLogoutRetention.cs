using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShanxiIdentity.Data;
using ShanxiIdentity.Web.Services.Retention;

namespace ShanxiIdentity.Web.Services.BackChannel;

/// <summary>Deletes logout rows delivered or given up longer ago than <see cref="BackChannelLogoutOptions.KeepFor"/>.</summary>
public sealed class BackChannelLogoutRetention(PortalDbContext db, IOptions<BackChannelLogoutOptions> options) : IRetentionTask
{
    public string Name => "back-channel-logouts";

    public Task<int> RunAsync(DateTime now, CancellationToken cancellationToken)
    {
        var before = now - options.Value.KeepFor;
        return db.BackChannelLogouts.Where(l => l.DeliveredAt < before || l.GaveUpAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
