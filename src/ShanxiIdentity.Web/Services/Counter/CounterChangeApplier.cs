using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Services.Counter;

/// <summary>The change staged on the unit of work, and the SMS to deliver once it is saved.</summary>
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
    ISmsGateway gateway,
    TimeProvider clock)
{
    private const string Signature = "【山西政务服务网】";

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

                text = "您的账号预留手机号已在政务大厅变更为本号码，其他设备上的登录已退出。如非本人办理，请立即联系当地政务大厅。";
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

                text = "您的账号信息已在政务大厅完成更正。如非本人办理，请立即联系当地政务大厅。";
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

                text = "您的账号已在政务大厅完成实名核验，现在可以登录山西政务服务网。";
                break;
            default:
                throw new InvalidOperationException($"Unknown change kind {request.ChangeKind}");
        }

        return new AppliedChange(account.PhoneNumber is { } phone ? Notice(phone, text, now) : null);
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

    public async Task DeliverNoticeAsync(AppliedChange applied, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applied);
        if (applied.Notice is { } notice && await gateway.DeliverAsync(notice.Phone, notice.Text, cancellationToken).ConfigureAwait(false))
        {
            notice.DeliveredAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
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
        var login = person ? (change.LoginName is null ? "身份证号" : $"身份证号或用户名{change.LoginName}") : $"统一社会信用代码或登录账号{change.LoginName}";
        return new AppliedChange(Notice(change.NewPhone!, $"您的账号已在政务大厅注册，可使用{login}登录。首次登录前请在登录页点击“忘记密码”，通过本手机号设置密码。", now));
    }

    private SmsMessage Notice(string phone, string text, DateTime now)
    {
        var message = new SmsMessage { Phone = phone, Text = Signature + text, Purpose = SmsPurpose.CounterNotice, CreatedAt = now };
        db.SmsOutbox.Add(message);
        return message;
    }
}
