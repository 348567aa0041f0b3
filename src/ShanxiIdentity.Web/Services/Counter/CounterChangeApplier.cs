using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Sms;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Services.Counter;

/// <summary>
/// Stages an approved counter change on the current unit of work (the caller's one SaveChanges
/// commits it with the request's new state and the audit rows), with the notice to the holder's
/// phone in the SMS outbox.
/// </summary>
public sealed class CounterChangeApplier(
    AccountLocator locator,
    AccountFactory factory,
    ReservedPhones phones,
    CounterAdministratorAppointment administrators,
    Closing.CounterClosing closing,
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
            return await RegisterAsync(request, change, now, cancellationToken).ConfigureAwait(false);
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
                await phones.ChangeAsync(account, change.NewPhone!, PhoneChangeChannel.Counter, request.Id, cancellationToken).ConfigureAwait(false);
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
            case CounterChangeKind.OrganisationAdministrator when account.LegalEntity is not null:
                return new AppliedChange(await administrators.StageAsync(request, account, cancellationToken).ConfigureAwait(false));
            case CounterChangeKind.CloseAccount:
                return await closing.StageAsync(request, account, cancellationToken).ConfigureAwait(false);
            default:
                throw new InvalidOperationException($"Unknown change kind {request.ChangeKind}");
        }

        return new AppliedChange(account.PhoneNumber is { } phone ? Notice(phone, text) : null);
    }

    /// <summary>Why a counter registration lost a race the unique index settled, in the registration forms' words.</summary>
    public async Task<string> ExplainConflictAsync(CounterRequest request, CounterChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (await locator.FindAsync(request.UserType, change, cancellationToken).ConfigureAwait(false))?.Message ?? SeedMessages.LoginNameTaken;
    }

    private async Task<AppliedChange> RegisterAsync(CounterRequest request, CounterChange change, DateTime now, CancellationToken cancellationToken)
    {
        // Without a password: the holder sets one with 忘记密码 and an SMS code to this phone.
        var person = request.UserType == CounterUserType.Person;
        var phone = new FirstPhone(change.NewPhone!, request.Id);
        var account = person
            ? AccountFactory.Person(change.Name!, change.IdNumber!, change.LoginName, phone, now)
            : AccountFactory.LegalEntity(
                new OrganisationDetails(change.LegalEntityType!.Value, change.Name!, change.CreditCode!, change.RepresentativeName!, change.RepresentativeIdNumber!, change.HeadOfficeCreditCode),
                change.LoginName!,
                phone,
                verified: true,
                now);
        var added = await factory.AddAsync(account, password: null).ConfigureAwait(false);
        if (!added.Succeeded)
        {
            // Identity's own checks (a login name taken meanwhile): the same words as the race the unique index settles.
            return new AppliedChange(null, await ExplainConflictAsync(request, change, cancellationToken).ConfigureAwait(false));
        }

        request.RegisteredAs(account.Id);
        return new AppliedChange(Notice(change.NewPhone!, SmsMessages.RegisteredAtCounter(person, change.LoginName)));
    }

    /// <summary>Written by the caller's save with the change; the outbox worker delivers it, retrying until the gateway takes it.</summary>
    private SmsMessage Notice(string phone, string text) => outbox.Add(phone, text, SmsPurpose.CounterNotice);
}
