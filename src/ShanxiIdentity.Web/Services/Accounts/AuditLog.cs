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
}

/// <summary>Adds audit rows to the current unit of work; the caller's SaveChanges writes them with the change itself.</summary>
public sealed class AuditLog(PortalDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public void Record(string action, Guid? subject, Guid? actor = null, string? detail = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Action = action,
            SubjectAccountId = subject,
            ActorAccountId = actor ?? subject,
            Detail = detail,
            ClientAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });

    public async Task WriteAsync(string action, Guid? subject, Guid? actor = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        Record(action, subject, actor, detail);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
