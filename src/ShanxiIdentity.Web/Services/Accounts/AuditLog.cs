using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>Names of audited actions, one place.</summary>
public static class AuditAction
{
    public const string PersonRegistered = "person.registered";
    public const string LegalEntityRegistered = "legal-entity.registered";
    public const string SignedIn = "account.signed-in";
    public const string SignInFailed = "account.sign-in-failed";
    public const string LockedOut = "account.locked-out";
    public const string PasswordReset = "account.password-reset";
    public const string PasswordChanged = "account.password-changed";
    public const string PhoneChanged = "account.phone-changed";
    public const string OtherSessionsSignedOut = "account.other-sessions-signed-out";

    public const string StaffCreated = "staff.created";
    public const string StaffRolesChanged = "staff.roles-changed";
    public const string StaffReset = "staff.reset";
    public const string StaffEnrolled = "staff.authenticator-enrolled";
    public const string StaffSignedIn = "staff.signed-in";
    public const string StaffSignedOut = "staff.signed-out";

    public const string CounterSearched = "counter.searched";
    public const string CounterAccountViewed = "counter.account-viewed";
    public const string CounterRevealed = "counter.revealed";
    public const string RequestOpened = "counter.request-opened";
    public const string MaterialChecked = "counter.material-checked";
    public const string ScanUploaded = "counter.scan-uploaded";
    public const string ScanDownloaded = "counter.scan-downloaded";
    public const string RequestSubmitted = "counter.request-submitted";
    public const string RequestApproved = "counter.request-approved";
    public const string RequestRejected = "counter.request-rejected";
    public const string ChangeApplied = "counter.change-applied";
    public const string AuditExported = "audit.exported";

    public const string ClientRegistered = "sso.client-registered";
    public const string ClientChanged = "sso.client-changed";
    public const string ClientSecretRenewed = "sso.client-secret-renewed";
    public const string ClientRemoved = "sso.client-removed";
    public const string ConsentGranted = "sso.consent-granted";
    public const string ConsentWithdrawn = "sso.consent-withdrawn";

    /// <summary>The actions an administrator can filter the audit page by, in the order offered.</summary>
    public static IReadOnlyList<string> Searchable { get; } =
    [
        StaffSignedIn, CounterSearched, CounterAccountViewed, CounterRevealed, RequestOpened, MaterialChecked, ScanUploaded,
        ScanDownloaded, RequestSubmitted, RequestApproved, RequestRejected, ChangeApplied, StaffCreated, StaffRolesChanged,
        StaffReset, AuditExported, ClientRegistered, ClientChanged, ClientSecretRenewed, ClientRemoved, ConsentGranted, ConsentWithdrawn, SignedIn, SignInFailed, LockedOut, PasswordReset, PasswordChanged, PhoneChanged,
    ];

    /// <summary>Chinese names for the audit page; an action without one shows its code.</summary>
    public static string DisplayName(string action) => action switch
    {
        PersonRegistered => "个人注册",
        LegalEntityRegistered => "法人注册",
        SignedIn => "登录",
        SignInFailed => "登录失败",
        LockedOut => "账号锁定",
        PasswordReset => "找回密码",
        PasswordChanged => "修改密码",
        PhoneChanged => "在线修改手机号",
        OtherSessionsSignedOut => "退出其他设备",
        StaffCreated => "创建员工账号",
        StaffRolesChanged => "修改员工角色",
        StaffReset => "重置员工登录",
        StaffEnrolled => "绑定身份验证器",
        StaffSignedIn => "员工登录",
        StaffSignedOut => "员工退出",
        CounterSearched => "查找账号",
        CounterAccountViewed => "查看账号",
        CounterRevealed => "查看完整信息",
        RequestOpened => "创建变更申请",
        MaterialChecked => "核对材料",
        ScanUploaded => "上传扫描件",
        ScanDownloaded => "下载扫描件",
        RequestSubmitted => "提交申请",
        RequestApproved => "批准申请",
        RequestRejected => "驳回申请",
        ChangeApplied => "变更生效",
        AuditExported => "导出审计日志",
        ClientRegistered => "接入业务系统",
        ClientChanged => "修改接入系统",
        ClientSecretRenewed => "重置系统密钥",
        ClientRemoved => "停止系统接入",
        ConsentGranted => "授权业务系统",
        ConsentWithdrawn => "撤销授权",
        _ => action,
    };
}

/// <summary>
/// The audit rows of the portal. A change and its row commit together or not at all: the row is
/// <see cref="Record"/>ed (staged, not saved) inside <see cref="CommitAsync{T}"/>, whose one
/// transaction also covers what Identity's and OpenIddict's managers save on their own.
/// </summary>
public sealed class AuditLog(PortalDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public AuditEntry Record(string action, Guid? subject, Guid? actor = null, string? detail = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Action = action,
            SubjectAccountId = subject,
            ActorAccountId = actor ?? subject,
            Detail = Printable(detail),
            ClientAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        }).Entity;

    /// <summary>Control characters (a NUL byte cannot even be stored by PostgreSQL) become '?', and the text is capped at the column's size.</summary>
    private static string? Printable(string? text) =>
        text is null ? null : new string(text.Select(c => char.IsControl(c) ? '?' : c).Take(2000).ToArray());

    /// <summary>
    /// Runs <paramref name="change"/> (which records its audit row) in one transaction under the
    /// provider's execution strategy, saves what it staged and commits, when
    /// <paramref name="succeeded"/> says so; otherwise rolls everything back. Inside a transaction
    /// the caller already holds, that transaction's commit covers it.
    /// </summary>
    public async Task<T> CommitAsync<T>(Func<Task<T>> change, Func<T, bool> succeeded, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(succeeded);
        if (db.Database.CurrentTransaction is not null)
        {
            var inner = await change().ConfigureAwait(false);
            if (succeeded(inner))
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                DropStagedRows();
            }

            return inner;
        }

        var attempted = false;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(
            async token =>
            {
                // The change's entities were loaded before the transaction: a retry would run it again
                // over a tracker that takes the rolled-back saves for written ones (attack review of #20).
                // A transient fault therefore ends the request with nothing written, never half of it.
                if (attempted)
                {
                    throw new InvalidOperationException("A transient fault rolled the change and its audit row back; it is not retried.");
                }

                attempted = true;
                await using var transaction = await db.Database.BeginTransactionAsync(token).ConfigureAwait(false);
                try
                {
                    var result = await change().ConfigureAwait(false);
                    if (!succeeded(result))
                    {
                        DropStagedRows();
                        return result;
                    }

                    await db.SaveChangesAsync(token).ConfigureAwait(false);
                    await transaction.CommitAsync(token).ConfigureAwait(false);
                    return result;
                }
                catch
                {
                    // Rolled back: nothing the tracker holds is in the database any more.
                    db.ChangeTracker.Clear();
                    throw;
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary><see cref="CommitAsync{T}"/> for a change that cannot be refused.</summary>
    public Task CommitAsync(Func<Task> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return CommitAsync(
            async () =>
            {
                await change().ConfigureAwait(false);
                return true;
            },
            done => done,
            cancellationToken);
    }

    /// <summary>
    /// An event that is the whole of what happened (a look at an account, a search, an export):
    /// its row alone. Refuses to save a change staged beside it, which must go through
    /// <see cref="CommitAsync{T}"/> with its own row instead.
    /// </summary>
    public async Task WriteAsync(string action, Guid? subject, Guid? actor = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        if (db.ChangeTracker.HasChanges())
        {
            throw new InvalidOperationException($"Audit event {action}: a change is staged beside it; record it with the change inside AuditLog.CommitAsync.");
        }

        Record(action, subject, actor, detail);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private void DropStagedRows()
    {
        foreach (var staged in db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList())
        {
            staged.State = EntityState.Detached;
        }
    }
}
