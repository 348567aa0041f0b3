using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.RealName;
using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>A citizen's application, already checked field by field.</summary>
public sealed record PersonApplication(string Name, ResidentIdNumber IdNumber, string? UserName, MobilePhone Phone, string SmsCode, string Password);

public enum RegistrationField
{
    IdNumber,
    UserName,
    Name,
    SmsCode,
}

/// <summary>Either the new account, or the field to blame and the message to show beside it.</summary>
public sealed record RegistrationResult(Account? Account, RegistrationField? Field = null, string? Message = null)
{
    public bool Succeeded => Account is not null;

    public static RegistrationResult Refused(RegistrationField field, string message) => new(null, field, message);
}

/// <summary>
/// 个人注册: one account per ID number (the unique index decides a race), a real-name check,
/// the SMS code of the reserved phone, and the phone's first entry in its history.
/// </summary>
public sealed class PersonRegistration(
    PortalDbContext db,
    UserManager<Account> users,
    AccountLocator locator,
    IRealNameVerifier realName,
    SmsCodeService smsCodes,
    AuditLog audit,
    TimeProvider clock)
{
    public async Task<RegistrationResult> RegisterAsync(PersonApplication application, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (await locator.IdNumberTakenAsync(application.IdNumber.Value, cancellationToken).ConfigureAwait(false))
        {
            return RegistrationResult.Refused(RegistrationField.IdNumber, SeedMessages.IdNumberAlreadyCertified);
        }

        if (application.UserName is { } chosen && await locator.UserNameTakenAsync(chosen, cancellationToken).ConfigureAwait(false))
        {
            return RegistrationResult.Refused(RegistrationField.UserName, AccountMessages.UserNameTaken);
        }

        switch (await realName.VerifyAsync(application.Name, application.IdNumber.Value, cancellationToken).ConfigureAwait(false))
        {
            case RealNameOutcome.Mismatch:
                return RegistrationResult.Refused(RegistrationField.Name, AccountMessages.RealNameMismatch);
            case RealNameOutcome.Unavailable:
                return RegistrationResult.Refused(RegistrationField.Name, AccountMessages.RealNameUnavailable);
        }

        // Last, because a right code is spent: every other refusal leaves it usable.
        var code = await smsCodes.VerifyAsync(application.Phone, SmsPurpose.Registration, application.SmsCode, cancellationToken).ConfigureAwait(false);
        if (code != SmsCodeVerdict.Passed)
        {
            return RegistrationResult.Refused(RegistrationField.SmsCode, SmsCodeService.Message(code));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var account = new Account
        {
            Id = Guid.NewGuid(),
            Kind = AccountKind.Person,
            UserName = application.UserName ?? AccountLocator.InternalUserNamePrefix + Guid.NewGuid().ToString("N"),
            PhoneNumber = application.Phone.Value,
            PhoneNumberConfirmed = true,
            CreatedAt = now,
            Person = new PersonProfile { Name = application.Name, ResidentIdNumber = application.IdNumber.Value, RealNameVerifiedAt = now },
        };
        account.PhoneChanges.Add(new ReservedPhoneChange { NewPhone = application.Phone.Value, Channel = PhoneChangeChannel.Registration, ChangedAt = now });

        IdentityResult created;
        try
        {
            created = await users.CreateAsync(account, application.Password).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another registration of the same ID number or user name won the race.
            db.ChangeTracker.Clear();
            return await locator.IdNumberTakenAsync(application.IdNumber.Value, cancellationToken).ConfigureAwait(false)
                ? RegistrationResult.Refused(RegistrationField.IdNumber, SeedMessages.IdNumberAlreadyCertified)
                : RegistrationResult.Refused(RegistrationField.UserName, AccountMessages.UserNameTaken);
        }

        if (!created.Succeeded)
        {
            return created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName))
                ? RegistrationResult.Refused(RegistrationField.UserName, AccountMessages.UserNameTaken)
                : throw new InvalidOperationException("Identity refused a checked application: " + string.Join("; ", created.Errors.Select(e => e.Code)));
        }

        await audit.WriteAsync(AuditAction.PersonRegistered, account.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new RegistrationResult(account);
    }
}
