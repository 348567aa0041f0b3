using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Domain.Sms;
using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// 我的账号 › 通行密钥: list, add, rename, remove. Adding asks for the current password first (counted
/// towards the lockout like any): only then does the browser get creation options, whose state
/// (Identity's, in a signed five-minute cookie) names this account, so the proof and the key added
/// belong together. Each change commits with its audit row; an added passkey also with an SMS
/// notice to the reserved phone.
/// </summary>
public sealed class PasskeySetup(
    UserManager<Account> users,
    SignInManager<Account> signIn,
    PasswordSignIn passwords,
    PortalDbContext db,
    SmsOutbox outbox,
    SpentPasskeyChallenges challenges,
    AuditLog audit)
{
    public async Task<IReadOnlyList<PasskeyListItem>> ListAsync(Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var rows = await db.Set<IdentityUserPasskey<Guid>>().AsNoTracking()
            .Where(p => p.UserId == account.Id)
            .Select(p => new { Passkey = p, LastUsed = EF.Property<DateTime?>(p, PortalDbContext.PasskeyLastUsedAt) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderBy(r => r.Passkey.Data.CreatedAt).Select(r => new PasskeyListItem(
            PasskeyCredentials.ToId(r.Passkey.CredentialId),
            r.Passkey.Data.Name ?? PasskeyMessages.DefaultName,
            ChinaTime.ToMinute(r.Passkey.Data.CreatedAt),
            r.LastUsed is { } used ? ChinaTime.ToMinute(new DateTimeOffset(DateTime.SpecifyKind(used, DateTimeKind.Utc))) : null))];
    }

    /// <summary>The fresh proof (the password) and the browser's creation options for this account.</summary>
    public async Task<PasskeyChange> BeginAsync(Account account, string? password, string? name)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (NameRefusal(name) is { } refused)
        {
            return refused;
        }

        if ((await users.GetPasskeysAsync(account).ConfigureAwait(false)).Count >= PasskeyMessages.MaxPerAccount)
        {
            return new PasskeyChange(null, PasskeyMessages.TooMany);
        }

        var checkedPassword = await passwords.CheckAsync(account, password ?? string.Empty).ConfigureAwait(false);
        if (checkedPassword.Outcome != SignInOutcome.PasswordAccepted)
        {
            return new PasskeyChange("CurrentPassword", checkedPassword.Outcome == SignInOutcome.LockedOut ? checkedPassword.LockedMessage() : AccountMessages.CurrentPasswordWrong);
        }

        var options = await signIn.MakePasskeyCreationOptionsAsync(UserEntity(account)).ConfigureAwait(false);
        return PasskeyChange.Done(options);
    }

    /// <summary>The browser's new credential, checked by Identity against the options begun above for this account.</summary>
    public async Task<PasskeyChange> AddAsync(Account account, string? credentialJson, string? name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (NameRefusal(name) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(credentialJson))
        {
            return new PasskeyChange(null, PasskeyMessages.AddFailed);
        }

        PasskeyAttestationResult attestation;
        try
        {
            attestation = await signIn.PerformPasskeyAttestationAsync(credentialJson).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // No ceremony begun (or begun for a sign-in, or expired): the password comes first.
            return new PasskeyChange(null, PasskeyMessages.StartAgain);
        }

        if (!attestation.Succeeded)
        {
            return new PasskeyChange(null, PasskeyMessages.AddFailed);
        }

        // One password proof, one passkey: a replay of the ceremony's cookie adds no second.
        if (attestation.UserEntity.Id != account.Id.ToString()
            || !await challenges.SpendAsync(credentialJson, cancellationToken).ConfigureAwait(false)
            || (await users.GetPasskeysAsync(account).ConfigureAwait(false)).Count >= PasskeyMessages.MaxPerAccount)
        {
            return new PasskeyChange(null, PasskeyMessages.StartAgain);
        }

        var passkey = attestation.Passkey;
        passkey.Name = name!.Trim();
        await audit.CommitAsync(
            async () =>
            {
                Require(await users.AddOrUpdatePasskeyAsync(account, passkey).ConfigureAwait(false));
                audit.Record(AuditAction.PasskeyAdded, account.Id, detail: passkey.Name);
                Notify(account, SmsMessages.PasskeyAdded);
            },
            cancellationToken).ConfigureAwait(false);
        return PasskeyChange.Done();
    }

    /// <summary>Null when the account has no passkey of that id (another account's is not this one's).</summary>
    public async Task<PasskeyChange?> RenameAsync(Account account, string? id, string? name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (await FindAsync(account, id).ConfigureAwait(false) is not { } passkey)
        {
            return null;
        }

        if (NameRefusal(name) is { } refused)
        {
            return refused;
        }

        passkey.Name = name!.Trim();
        await audit.CommitAsync(
            async () =>
            {
                Require(await users.AddOrUpdatePasskeyAsync(account, passkey).ConfigureAwait(false));
                audit.Record(AuditAction.PasskeyRenamed, account.Id, detail: passkey.Name);
            },
            cancellationToken).ConfigureAwait(false);
        return PasskeyChange.Done();
    }

    /// <summary>Null when the account has no passkey of that id.</summary>
    public async Task<PasskeyChange?> RemoveAsync(Account account, string? id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (await FindAsync(account, id).ConfigureAwait(false) is not { } passkey)
        {
            return null;
        }

        await audit.CommitAsync(
            async () =>
            {
                Require(await users.RemovePasskeyAsync(account, passkey.CredentialId).ConfigureAwait(false));
                audit.Record(AuditAction.PasskeyRemoved, account.Id, detail: passkey.Name);
                Notify(account, SmsMessages.PasskeyRemoved);
            },
            cancellationToken).ConfigureAwait(false);
        return PasskeyChange.Done();
    }

    /// <summary>An added or removed way in is told to the reserved phone (ASVS 5.0 V6.3.7), in the change's save.</summary>
    private void Notify(Account account, string text)
    {
        if (MobilePhone.Parse(account.PhoneNumber).Value is { } phone)
        {
            outbox.Add(phone.Value, text, SmsPurpose.PasskeyNotice);
        }
    }

    /// <summary>
    /// What the authenticator stores and shows in its picker: the account's id as the user handle (no
    /// personal data), a masked ID number or the (public) credit code, and a masked or organisation name.
    /// </summary>
    private static PasskeyUserEntity UserEntity(Account account) => account.LegalEntity is { } organisation
        ? new PasskeyUserEntity { Id = account.Id.ToString(), Name = organisation.CreditCode, DisplayName = organisation.OrganisationName }
        : new PasskeyUserEntity
        {
            Id = account.Id.ToString(),
            Name = account.Person is { } person ? SensitiveText.MaskIdNumber(person.ResidentIdNumber) : account.UserName ?? account.Id.ToString(),
            DisplayName = account.Person is { } named ? SensitiveText.MaskName(named.Name) : PasskeyMessages.DefaultName,
        };

    private async Task<UserPasskeyInfo?> FindAsync(Account account, string? id) =>
        PasskeyCredentials.FromId(id) is { } credentialId ? await users.GetPasskeyAsync(account, credentialId).ConfigureAwait(false) : null;

    private static PasskeyChange? NameRefusal(string? name) =>
        string.IsNullOrWhiteSpace(name) ? new PasskeyChange("Name", PasskeyMessages.NameRequired)
        : name.Trim().Length > PasskeyMessages.NameMaxLength ? new PasskeyChange("Name", PasskeyMessages.NameTooLong)
        : name.Any(char.IsControl) ? new PasskeyChange("Name", PasskeyMessages.NameInvalid)
        : null;

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The passkey could not be saved: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
