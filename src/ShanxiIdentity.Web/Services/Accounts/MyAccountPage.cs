using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Guidance;
using ShanxiIdentity.Web.Models.Account;
using ShanxiIdentity.Web.Services.SingleSignOn;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>What 我的账号 shows: the profile rows (identifiers masked on the server), the counter changes applied, the consents given.</summary>
public sealed class MyAccountPage(PortalDbContext db, ConsentRegistry consents, Agents.AgentDirectory agents)
{
    public async Task<MyAccountView> ForAsync(Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var person = account.Kind == AccountKind.Person;
        return Profile(account) with
        {
            CounterChanges = await CounterChangesAsync(account.Id, cancellationToken).ConfigureAwait(false),
            Consents = await consents.ListAsync(account.Id, cancellationToken).ConfigureAwait(false),
            Invitations = person ? await agents.InvitationsAsync(account, cancellationToken).ConfigureAwait(false) : [],
            Authorizations = person ? await agents.AcceptedAsync(account.Id, cancellationToken).ConfigureAwait(false) : [],
        };
    }

    /// <summary>The profile alone: what a refused form is shown beside.</summary>
    public static MyAccountView Profile(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var registered = ChinaTime.Format(account.CreatedAt, ProfileLabels.DateFormat);
        var phone = new ProfileRow(ProfileLabels.Phone, account.PhoneNumber is { } p ? SensitiveText.MaskPhone(p) : ProfileLabels.NoPhone, "phone");
        var userName = account.UserName is { } name && !name.StartsWith(AccountLocator.InternalUserNamePrefix, StringComparison.Ordinal) ? name : null;
        if (account.LegalEntity is { } organisation)
        {
            return new MyAccountView(organisation.OrganisationName, OrganisationRows(organisation, userName, phone, registered), IsLegalEntity: true, MaterialsChoice.SlugFor(account));
        }

        var person = account.Person!;
        List<ProfileRow> rows = [new(ProfileLabels.Name, person.Name, "name"), new(ProfileLabels.IdNumber, SensitiveText.MaskIdNumber(person.ResidentIdNumber), "id-number")];
        if (userName is not null)
        {
            rows.Add(new(ProfileLabels.UserName, userName, "user-name"));
        }

        rows.AddRange([phone, new(ProfileLabels.Registered, registered, "registered")]);
        return new MyAccountView(person.Name, rows, IsLegalEntity: false, MaterialsChoice.SlugFor(account));
    }

    private static List<ProfileRow> OrganisationRows(LegalEntityProfile organisation, string? loginName, ProfileRow phone, string registered)
    {
        var branch = organisation.Type == LegalEntityType.EnterpriseBranch;
        List<ProfileRow> rows =
        [
            new(ProfileLabels.OrganisationName, organisation.OrganisationName, "organisation"),
            new(ProfileLabels.LegalEntityType, organisation.Type.DisplayName(), "type"),
            new(ProfileLabels.CreditCode, organisation.CreditCode, "credit-code"),
            new(ProfileLabels.Representative(branch), organisation.RepresentativeName, "representative"),
            new(ProfileLabels.RepresentativeIdNumber(branch), SensitiveText.MaskIdNumber(organisation.RepresentativeIdNumber), "representative-id"),
        ];
        if (organisation.HeadOfficeCreditCode is { } headOffice)
        {
            rows.Add(new(ProfileLabels.HeadOfficeCreditCode, headOffice, "head-office"));
        }

        rows.AddRange(
        [
            new(ProfileLabels.LoginName, loginName ?? string.Empty, "login-name"),
            phone,
            new(ProfileLabels.Verification, organisation.RealNameVerifiedAt is null ? ProfileLabels.AwaitingCounterVerification : ProfileLabels.Verified, "verification"),
            new(ProfileLabels.Registered, registered, "registered"),
        ]);
        return rows;
    }

    private async Task<IReadOnlyList<(string, string)>> CounterChangesAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var applied = await db.CounterRequests.AsNoTracking()
            .Where(r => r.AccountId == accountId && r.Status == CounterRequestStatus.Applied)
            .OrderByDescending(r => r.AppliedAt)
            .Select(r => new { r.ChangeKind, r.AppliedAt })
            .Take(20)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return applied.Select(r => (r.ChangeKind.DisplayName(), ChinaTime.Format(r.AppliedAt!.Value, ProfileLabels.DateTimeFormat))).ToList();
    }
}
