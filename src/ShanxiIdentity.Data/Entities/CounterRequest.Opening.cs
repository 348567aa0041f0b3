using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Guidance;

namespace ShanxiIdentity.Data.Entities;

/// <summary>Opening: what a request may ask for, checked before it exists.</summary>
public partial class CounterRequest
{
    /// <summary>
    /// Opens a draft with the materials table's checklist for its case. <paramref name="account"/> is
    /// the account a modification changes (null for a registration, or when none was found). Whether
    /// a registration's identifiers are taken is the caller's to ask the database afterwards.
    /// </summary>
    public static (CounterRequest? Request, CounterRefusal? Refusal) Open(OpenRequest open, Account? account, Guid clerkId, DateTime now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(open);
        var registration = open.Kind == CounterChangeKind.Registration;
        var refusal = registration ? RegistrationRefusal(open)
            : account is null || account.Kind == AccountKind.Staff ? new CounterRefusal(CounterMessages.AccountRequired)
            : ModificationRefusal(open, account);
        refusal ??= open.ByAgent ? AgentRefusal(open, registration ? null : account, today) : null;
        if (refusal is not null)
        {
            return (null, refusal);
        }

        var request = new CounterRequest
        {
            Id = Guid.NewGuid(),
            AccountId = registration ? null : account!.Id,
            Operation = open.Kind.Operation(),
            UserType = open.UserType,
            ByAgent = open.ByAgent,
            AgentName = open.ByAgent ? open.AgentName : null,
            AgentIdNumber = open.ByAgent ? open.AgentIdNumber : null,
            AuthorizationLetterDate = open.ByAgent ? open.LetterDate : null,
            ChangeKind = open.Kind,
            ChangeDetails = open.Change.ToJson(),
            Status = CounterRequestStatus.Draft,
            CreatedByStaffId = clerkId,
            CreatedAt = now,
        };
        foreach (var item in MaterialsTable.For(open.UserType, open.ByAgent).Items)
        {
            request._materials.Add(new CounterRequestMaterial(item.Position, item.Text));
        }

        return (request, null);
    }

    private static CounterRefusal? ModificationRefusal(OpenRequest open, Account account)
    {
        var expected = account.LegalEntity?.Type.UserType();
        var typeFits = account.Kind == AccountKind.Person
            ? open.UserType == CounterUserType.Person
            : open.UserType != CounterUserType.Person && (expected is null || expected == open.UserType);
        if (!typeFits)
        {
            return new CounterRefusal(CounterMessages.UserTypeMismatch, "UserType");
        }

        var change = open.Change;
        return open.Kind switch
        {
            CounterChangeKind.ReservedPhone when change.NewPhone is null => new CounterRefusal(SeedMessages.StarredFieldsRequired, "NewPhone"),
            CounterChangeKind.ReservedPhone when change.NewPhone == account.PhoneNumber => new CounterRefusal(AccountMessages.SamePhone, "NewPhone"),
            CounterChangeKind.AccountInformation when change.Name is null && change.RepresentativeName is null && change.RepresentativeIdNumber is null =>
                new CounterRefusal(CounterMessages.NothingToChange),

            // A person's 姓名 is written only in the form the name rule gives (never the organisation-name rule).
            CounterChangeKind.AccountInformation when account.Kind == AccountKind.Person && change.Name is { } name && PersonName.NormalizeName(name) != name =>
                new CounterRefusal(AccountMessages.NameInvalid, "Name"),
            CounterChangeKind.OrganisationAdministrator when account.Kind != AccountKind.LegalEntity =>
                new CounterRefusal(CounterMessages.AdministratorForOrganisationOnly, "UserType"),

            // The new administrator is the 被授权人 of the letter: there is no such change without one.
            CounterChangeKind.OrganisationAdministrator when !open.ByAgent => new CounterRefusal(CounterMessages.AdministratorByAgentOnly, "AgentName"),
            CounterChangeKind.CloseAccount when account.ClosingDueAt is not null || account.ClosedAt is not null =>
                new CounterRefusal(Domain.Closing.ClosingMessages.AlreadyRequested),
            CounterChangeKind.ManualRealNameVerification when account.LegalEntity is { VerifiedAtCounter: true } || account.Person is { RealNameVerifiedAt: not null } =>
                new CounterRefusal(CounterMessages.AlreadyVerified),
            _ => null,
        };
    }

    private static CounterRefusal? RegistrationRefusal(OpenRequest open)
    {
        var change = open.Change;
        if (change.NewPhone is null || change.Name is null)
        {
            return new CounterRefusal(SeedMessages.StarredFieldsRequired);
        }

        if (open.UserType == CounterUserType.Person)
        {
            return PersonName.NormalizeName(change.Name) != change.Name ? new CounterRefusal(AccountMessages.NameInvalid, "Name")
                : change.IdNumber is null ? new CounterRefusal(SeedMessages.StarredFieldsRequired, "IdNumber")
                : null;
        }

        if (change.CreditCode is null || change.LegalEntityType is not { } type || change.RepresentativeName is null
            || change.RepresentativeIdNumber is null || change.LoginName is null)
        {
            return new CounterRefusal(SeedMessages.StarredFieldsRequired);
        }

        return type.UserType() is { } tableType && tableType != open.UserType ? new CounterRefusal(CounterMessages.UserTypeMismatch, "UserType") : null;
    }

    private static CounterRefusal? AgentRefusal(OpenRequest open, Account? account, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(open.AgentName) || open.AgentIdNumber is null)
        {
            return new CounterRefusal(CounterMessages.AgentRequired, "AgentName");
        }

        var holderId = account?.Person?.ResidentIdNumber ?? (open.UserType == CounterUserType.Person ? open.Change.IdNumber : null);
        if (holderId is not null && holderId == open.AgentIdNumber)
        {
            return new CounterRefusal(CounterMessages.AgentIsHolder, "AgentIdNumber");
        }

        return AuthorizationLetter.Refusal(open.LetterDate, today) is { } letter ? new CounterRefusal(letter, "LetterDate") : null;
    }
}
