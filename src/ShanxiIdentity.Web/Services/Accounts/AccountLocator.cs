using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Data.Protection;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>Finds the account a person means by what they type in 账号: an ID number or a 用户名.</summary>
public sealed class AccountLocator(PortalDbContext db, ILookupNormalizer normalizer)
{
    /// <summary>Prefix of the internal user name of a person who chose no 用户名; '-' is not allowed in chosen names.</summary>
    public const string InternalUserNamePrefix = "id-";

    public async Task<Account?> FindPersonAsync(string? input, CancellationToken cancellationToken = default)
    {
        var text = input?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return null;
        }

        var id = ResidentIdNumber.Parse(text);
        if (id.IsValid)
        {
            // Every stored form of the number: rows not yet re-encrypted under the current key are found too.
            var forms = PersonalData.LookupForms(id.Value!.Value);
            return await db.Users.Include(a => a.Person)
                .SingleOrDefaultAsync(a => a.Kind == AccountKind.Person && forms.Contains(a.Person!.ResidentIdNumber), cancellationToken)
                .ConfigureAwait(false);
        }

        if (!PersonName.IsValidUserName(text))
        {
            return null;
        }

        var normalized = normalizer.NormalizeName(text);
        return await db.Users.Include(a => a.Person)
            .SingleOrDefaultAsync(a => a.Kind == AccountKind.Person && a.NormalizedUserName == normalized, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The legal-entity account a person means by 账号: a credit code or a 登录账号.</summary>
    public async Task<Account?> FindLegalEntityAsync(string? input, CancellationToken cancellationToken = default)
    {
        var text = input?.Trim() ?? string.Empty;
        var code = CreditCode.Parse(text);
        if (code.IsValid)
        {
            return await db.Users.Include(a => a.LegalEntity)
                .SingleOrDefaultAsync(a => a.Kind == AccountKind.LegalEntity && a.LegalEntity!.CreditCode == code.Value!.Value, cancellationToken)
                .ConfigureAwait(false);
        }

        if (!LegalEntityRules.IsValidLoginName(text))
        {
            return null;
        }

        var normalized = normalizer.NormalizeName(text);
        return await db.Users.Include(a => a.LegalEntity)
            .SingleOrDefaultAsync(a => a.Kind == AccountKind.LegalEntity && a.NormalizedUserName == normalized, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Finds the account of the kind the visitor chose (个人 or 法人).</summary>
    public Task<Account?> FindAsync(AccountKind kind, string? input, CancellationToken cancellationToken = default) =>
        kind == AccountKind.LegalEntity ? FindLegalEntityAsync(input, cancellationToken) : FindPersonAsync(input, cancellationToken);

    /// <summary>The account a counter clerk means: by ID number, credit code (as the licence shows it) or login name.</summary>
    public async Task<Account?> FindForCounterAsync(string? input, CancellationToken cancellationToken = default)
    {
        var text = input?.Trim() ?? string.Empty;
        if (text.Length is 0 or > 64 || text.Any(char.IsControl))
        {
            // No account is named so; and PostgreSQL refuses a NUL byte in a query parameter.
            return null;
        }

        // A closed account's tombstone is nobody's to find (注销账号).
        var accounts = db.Users.Include(a => a.Person).Include(a => a.LegalEntity).Where(a => a.Kind != AccountKind.Staff && a.ClosedAt == null);
        if (ResidentIdNumber.Parse(text).Value is { } id)
        {
            var forms = PersonalData.LookupForms(id.Value);
            return await accounts.SingleOrDefaultAsync(a => forms.Contains(a.Person!.ResidentIdNumber), cancellationToken).ConfigureAwait(false);
        }

        if (CreditCode.ParseAsIssued(text).Value is { } code)
        {
            return await accounts.SingleOrDefaultAsync(a => a.LegalEntity!.CreditCode == code.Value, cancellationToken).ConfigureAwait(false);
        }

        var normalized = normalizer.NormalizeName(text);
        return await accounts.SingleOrDefaultAsync(a => a.NormalizedUserName == normalized, cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> CreditCodeTakenAsync(string creditCode, CancellationToken cancellationToken = default) =>
        db.LegalEntityProfiles.AnyAsync(p => p.CreditCode == creditCode, cancellationToken);

    public Task<bool> IdNumberTakenAsync(string residentIdNumber, CancellationToken cancellationToken = default)
    {
        var forms = PersonalData.LookupForms(residentIdNumber);
        return db.PersonProfiles.AnyAsync(p => forms.Contains(p.ResidentIdNumber), cancellationToken);
    }

    public Task<bool> UserNameTakenAsync(string userName, CancellationToken cancellationToken = default)
    {
        var normalized = normalizer.NormalizeName(userName);
        return db.Users.AnyAsync(a => a.NormalizedUserName == normalized, cancellationToken);
    }

    public Task<Account?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Users.Include(a => a.Person).Include(a => a.LegalEntity).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
}
