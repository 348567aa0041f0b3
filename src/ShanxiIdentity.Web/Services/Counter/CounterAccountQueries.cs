using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Data;
using ShanxiIdentity.Web.Areas.Counter.Models;
using ShanxiIdentity.Web.Areas.Counter.ViewModels;
using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.Services.Counter;

/// <summary>查找账号 at the counter: every search and every view of an account is audited.</summary>
public sealed class CounterAccountQueries(PortalDbContext db, AccountLocator locator, AuditLog audit)
{
    /// <summary>An account page lists the account's latest requests, at most this many.</summary>
    public const int RequestLimit = 20;

    /// <summary>The account a clerk's search names, or null; the search is audited with what was typed redacted.</summary>
    public async Task<Guid?> FindAsync(string query, Guid staffId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var typed = query.Trim();
        var account = await locator.FindForCounterAsync(query, cancellationToken).ConfigureAwait(false);
        await audit.WriteAsync(AuditAction.CounterSearched, account?.Id, staffId, $"查询 {SensitiveText.Redact(typed[..Math.Min(typed.Length, 60)])}：{(account is null ? "未找到" : "找到 1 个账号")}", cancellationToken).ConfigureAwait(false);
        return account?.Id;
    }

    /// <summary>An account's page, identifiers in full only when revealed; the view (or reveal) is audited. Null for none or a staff account.</summary>
    public async Task<AccountPage?> AccountPageAsync(Guid accountId, Guid staffId, bool revealed, CancellationToken cancellationToken)
    {
        var account = await locator.FindByIdAsync(accountId, cancellationToken).ConfigureAwait(false);
        if (account is null || account.Kind == AccountKind.Staff || account.IsClosed)
        {
            return null;
        }

        var requests = await CounterQueries.RowsAsync(db.CounterRequests.Where(r => r.AccountId == accountId), RequestLimit, cancellationToken).ConfigureAwait(false);
        await audit.WriteAsync(revealed ? AuditAction.CounterRevealed : AuditAction.CounterAccountViewed, accountId, staffId, revealed ? "查看完整身份证号和手机号" : null, cancellationToken).ConfigureAwait(false);
        var organisation = account.LegalEntity;
        return new AccountPage
        {
            Id = account.Id,
            Person = account.Person is { } person
                ? new PersonCard(person.Name, Masking.Show(revealed, person.ResidentIdNumber, SensitiveText.MaskIdNumber), person.RealNameVerifiedAt is not null)
                : null,
            Organisation = organisation is null ? null : new OrganisationCard(
                organisation.OrganisationName,
                organisation.Type,
                organisation.CreditCode,
                organisation.RepresentativeName,
                Masking.Show(revealed, organisation.RepresentativeIdNumber, SensitiveText.MaskIdNumber),
                organisation.RealNameVerifiedAt is not null,
                organisation.VerifiedAtCounter),
            LoginName = account.UserName!.StartsWith(AccountLocator.InternalUserNamePrefix, StringComparison.Ordinal) ? null : account.UserName,
            Phone = account.PhoneNumber is { } phone ? Masking.Show(revealed, phone, SensitiveText.MaskPhone) : null,
            CreatedAt = account.CreatedAt,
            Revealed = revealed,
            Requests = requests,
        };
    }
}
