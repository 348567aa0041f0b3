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
public sealed class MyAccountPage(PortalDbContext db, ConsentRegistry consents)
{
    public async Task<MyAccountView> ForAsync(Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Profile(account) with
        {
            CounterChanges = await CounterChangesAsync(account.Id, cancellationToken).ConfigureAwait(false),
            Consents = await consents.ListAsync(account.Id, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>The profile alone: what a refused form is shown beside.</summary>
    public static MyAccountView Profile(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var registered = ChinaTime.Format(account.CreatedAt, "yyyy年M月d日");
        var phone = new ProfileRow("手机号", account.PhoneNumber is { } p ? SensitiveText.MaskPhone(p) : "未预留", "phone");
        var userName = account.UserName is { } name && !name.StartsWith(AccountLocator.InternalUserNamePrefix, StringComparison.Ordinal) ? name : null;
        if (account.LegalEntity is { } organisation)
        {
            return new MyAccountView(organisation.OrganisationName, OrganisationRows(organisation, userName, phone, registered), IsLegalEntity: true, MaterialsChoice.SlugFor(account));
        }

        var person = account.Person!;
        List<ProfileRow> rows = [new("姓名", person.Name, "name"), new("身份证号", SensitiveText.MaskIdNumber(person.ResidentIdNumber), "id-number")];
        if (userName is not null)
        {
            rows.Add(new("用户名", userName, "user-name"));
        }

        rows.AddRange([phone, new("注册日期", registered, "registered")]);
        return new MyAccountView(person.Name, rows, IsLegalEntity: false, MaterialsChoice.SlugFor(account));
    }

    private static List<ProfileRow> OrganisationRows(LegalEntityProfile organisation, string? loginName, ProfileRow phone, string registered)
    {
        var branch = organisation.Type == LegalEntityType.EnterpriseBranch;
        List<ProfileRow> rows =
        [
            new("单位名称", organisation.OrganisationName, "organisation"),
            new("法人类型", organisation.Type.DisplayName(), "type"),
            new("统一社会信用代码", organisation.CreditCode, "credit-code"),
            new(branch ? "负责人" : "法定代表人", organisation.RepresentativeName, "representative"),
            new(branch ? "负责人身份证号" : "法定代表人身份证号", SensitiveText.MaskIdNumber(organisation.RepresentativeIdNumber), "representative-id"),
        ];
        if (organisation.HeadOfficeCreditCode is { } headOffice)
        {
            rows.Add(new("总公司统一社会信用代码", headOffice, "head-office"));
        }

        rows.AddRange(
        [
            new("登录账号", loginName ?? string.Empty, "login-name"),
            phone,
            new("实名核验", organisation.RealNameVerifiedAt is null ? "待政务大厅核验" : "已核验", "verification"),
            new("注册日期", registered, "registered"),
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
        return applied.Select(r => (r.ChangeKind.DisplayName(), ChinaTime.Format(r.AppliedAt!.Value, "yyyy年M月d日 HH:mm"))).ToList();
    }
}
