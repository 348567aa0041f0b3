using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Web.Services.Retention;

namespace ShanxiIdentity.Web.Services.PersonalInformation;

/// <summary>Deletes 下载我的信息 copies past their expiry, taken or not: the rows and their sealed content.</summary>
public sealed class ExpiredExportsRetention(PortalDbContext db) : IRetentionTask
{
    public string Name => "personal-data-exports";

    public Task<int> RunAsync(DateTime now, CancellationToken cancellationToken) =>
        db.PersonalDataExports.Where(e => e.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
}
