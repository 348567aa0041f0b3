using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Domain.Sms;
using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// An SMS to the reserved phone when an account signs in from a browser it never signed in with
/// (SignIn:NewBrowserNotice, on by default), as banks do. Not for an account's first sign-in with a
/// browser key (after registration, or the first after this was deployed: nothing to compare
/// with), nor for staff. Staged on the unit of work: the session row's save writes it too.
/// </summary>
public sealed class NewBrowserNotice(PortalDbContext db, SmsOutbox outbox, IConfiguration configuration)
{
    public const string Setting = "SignIn:NewBrowserNotice";

    public async Task QueueIfNewAsync(Account account, string? keyHash, string browser, DateTime at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (keyHash is null || account.Kind == AccountKind.Staff || !configuration.GetValue(Setting, true)
            || MobilePhone.Parse(account.PhoneNumber).Value is not { } phone)
        {
            return;
        }

        // One round trip (two seeks of the sessions' account-and-key index): any browser key at all, and this one.
        var seen = await db.Users
            .Where(a => a.Id == account.Id)
            .Select(a => new
            {
                Any = db.SignInSessions.Any(s => s.AccountId == a.Id && s.BrowserKeyHash != null),
                This = db.SignInSessions.Any(s => s.AccountId == a.Id && s.BrowserKeyHash == keyHash),
            })
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        if (!seen.Any || seen.This)
        {
            return;
        }

        outbox.Add(phone.Value, SmsMessages.NewBrowserSignIn(ChinaTime.Format(at, "yyyy-MM-dd HH:mm"), browser), SmsPurpose.NewBrowserNotice);
    }
}
