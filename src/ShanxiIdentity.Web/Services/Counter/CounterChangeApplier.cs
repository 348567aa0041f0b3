using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Sms;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Services.Counter;

/// <summary>The change staged on the unit of work, with its notice in the SMS outbox.</summary>
public sealed record AppliedChange(SmsMessage? Notice, string? Message = null)
{
    public bool Succeeded => Message is null;
}

/// <summary>
/// Stages an approved counter change on the current unit of work (the caller's one SaveChanges
/// commits it with the request's new state and the audit rows), with the notice to the holder's
/// phone in the SMS outbox.
/// </summary>
public sealed class CounterChangeApplier(
    PortalDbContext db,
    AccountLocator locator,
    ILookupNormalizer normalizer,
    SmsOutbox outbox,
    TimeProvider clock)
{
    public async Task<AppliedChange> ApplyAsync(CounterRequest request, CounterChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(change);
        var now = clock.GetUtcNow().UtcDateTime;
        if (request.ChangeKind == CounterChangeKind.Registration)
        {
            return Register(request, change, now);
        }

        var account = request.AccountId is { } id ? await locator.FindByIdAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (account is null)
        {
            return new AppliedChange(null, CounterMessages.AccountRequired);
        }

        string text;
        switch (request.ChangeKind)
        {
            case CounterChangeKind.ReservedPhone:
                account.PhoneChanges.Add(new ReservedPhoneChange
                {
                    OldPhone = account.PhoneNumber,
                    NewPhone = change.NewPhone!,
                    Channel = PhoneChangeChannel.Counter,
                    CounterRequestId = request.Id,
                    ChangedAt = now,
                });
                account.PhoneNumber = change.NewPhone;
                account.PhoneNumberConfirmed = true;

                // Whoever held the old phone may hold a session too: end them all (the rows in the same save).
                account.SecurityStamp = Guid.NewGuid().ToString("N");
                foreach (var session in await db.SignInSessions.Where(s => s.AccountId == account.Id && s.EndedAt == null).ToListAsync(cancellationToken).ConfigureAwait(false))
                {
                    session.EndedAt = now;
                }

                text = SmsMessages.ReservedPhoneChangedAtCounter;
                break;
            case CounterChangeKind.AccountInformation:
                if (account.Person is { } person && change.Name is { } name)
                {
                    person.Name = name;
                }

                if (account.LegalEntity is { } organisation)
                {
                    organisation.OrganisationName = change.Name ?? organisation.OrganisationName;
                    organisation.RepresentativeName = change.RepresentativeName ?? organisation.RepresentativeName;
                    organisation.RepresentativeIdNumber = change.RepresentativeIdNumber ?? organisation.RepresentativeIdNumber;
                }

                text = SmsMessages.AccountInformationCorrectedAtCounter;
                break;
            case CounterChangeKind.ManualRealNameVerification:
                if (account.LegalEntity is { } verified)
                {
                    verified.RealNameVerifiedAt = now;
                    verified.VerifiedAtCounter = true;
                }
                else if (account.Person is { } person2)
                {
                    person2.RealNameVerifiedAt = now;
                }

                text = SmsMessages.RealNameVerifiedAtCounter;
                break;
            default:
                throw new InvalidOperationException($"Unknown change kind {request.ChangeKind}");
        }

        return new AppliedChange(account.PhoneNumber is { } phone ? Notice(phone, text) : null);
    }

    /// <summary>Which identifier an online registration took first, in the words of the registration forms.</summary>
    public async Task<string> ExplainConflictAsync(CounterChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.IdNumber is { } id && await locator.IdNumberTakenAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return SeedMessages.IdNumberAlreadyCertified;
        }

        if (change.CreditCode is { } code && await locator.CreditCodeTakenAsync(code, cancellationToken).ConfigureAwait(false))
        {
            return SeedMessages.CreditCodeAlreadyCertified;
        }

        return SeedMessages.LoginNameTaken;
    }

    private AppliedChange Register(CounterRequest request, CounterChange change, DateTime now)
    {
        // Without a password: the holder sets one with 忘记密码 and an SMS code to this phone.
        var person = request.UserType == CounterUserType.Person;
        var userName = change.LoginName ?? AccountLocator.InternalUserNamePrefix + Guid.NewGuid().ToString("N");
        var account = new Account
        {
            Id = Guid.NewGuid(),
            UserName = userName,
            NormalizedUserName = normalizer.NormalizeName(userName),
            Kind = person ? AccountKind.Person : AccountKind.LegalEntity,
            PhoneNumber = change.NewPhone,
            PhoneNumberConfirmed = true,
            CreatedAt = now,
            LockoutEnabled = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
        };
        if (person)
        {
            account.Person = new PersonProfile { Name = change.Name!, ResidentIdNumber = change.IdNumber!, RealNameVerifiedAt = now };
        }
        else
        {
            account.LegalEntity = new LegalEntityProfile
            {
                Type = change.LegalEntityType!.Value,
                OrganisationName = change.Name!,
                CreditCode = change.CreditCode!,
                RepresentativeName = change.RepresentativeName!,
                RepresentativeIdNumber = change.RepresentativeIdNumber!,
                HeadOfficeCreditCode = change.HeadOfficeCreditCode,
                RealNameVerifiedAt = now,
                VerifiedAtCounter = true,
            };
        }

        account.PhoneChanges.Add(new ReservedPhoneChange { NewPhone = change.NewPhone!, Channel = PhoneChangeChannel.Counter, CounterRequestId = request.Id, ChangedAt = now });
        db.Users.Add(account);
        request.RegisteredAs(account.Id);
        return new AppliedChange(Notice(change.NewPhone!, SmsMessages.RegisteredAtCounter(person, change.LoginName)));
    }

    /// <summary>Written by the caller's save with the change; the outbox worker delivers it, retrying until the gateway takes it.</summary>
    private SmsMessage Notice(string phone, string text) => outbox.Add(phone, text, SmsPurpose.CounterNotice);
}
