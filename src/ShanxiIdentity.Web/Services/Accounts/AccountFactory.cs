using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Counter;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// The one way an account is made (个人注册, 法人注册, the counter's registration, staff creation).
/// The builders hold the rules of a new account; <see cref="AddAsync"/> stages it through Identity's
/// UserManager (its validators, normalised name, stamps, password hash) without saving, so the
/// caller's one commit writes it with its audit row and anything else of the same act.
/// </summary>
public sealed class AccountFactory(UserManager<Account> users, IUserStore<Account> store)
{
    /// <summary>A citizen, real-name verified (by the check online, by the clerk at the counter); without a chosen 用户名, an internal one.</summary>
    public static Account Person(string name, string residentIdNumber, string? userName, FirstPhone phone, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var account = New(AccountKind.Person, userName ?? InternalUserName(), now);
        account.Person = new PersonProfile { Name = name, ResidentIdNumber = residentIdNumber, RealNameVerifiedAt = now };
        account.ChangeReservedPhone(phone.Phone, phone.Channel, now, phone.CounterRequestId);
        return account;
    }

    /// <summary>
    /// An organisation: verified now when the registry confirmed it online or a clerk saw its licence at
    /// the counter (which then decides its login instead of the registry); else awaiting the counter.
    /// </summary>
    public static Account LegalEntity(OrganisationDetails organisation, string loginName, FirstPhone phone, bool verified, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(phone);
        var atCounter = phone.Channel == PhoneChangeChannel.Counter;
        var account = New(AccountKind.LegalEntity, loginName, now);
        account.LegalEntity = new LegalEntityProfile
        {
            Type = organisation.Type,
            OrganisationName = organisation.OrganisationName,
            CreditCode = organisation.CreditCode,
            RepresentativeName = organisation.RepresentativeName,
            RepresentativeIdNumber = organisation.RepresentativeIdNumber,
            HeadOfficeCreditCode = organisation.HeadOfficeCreditCode,
            RealNameVerifiedAt = verified || atCounter ? now : null,
            VerifiedAtCounter = atCounter,
        };
        account.ChangeReservedPhone(phone.Phone, phone.Channel, now, phone.CounterRequestId);
        return account;
    }

    /// <summary>A staff member: no reserved phone (the authenticator is bound at the first sign-in).</summary>
    public static Account Staff(string loginName, string name, Guid? createdBy, DateTime now)
    {
        var account = New(AccountKind.Staff, loginName, now);
        account.Staff = new StaffProfile { Name = name, CreatedByStaffId = createdBy };
        return account;
    }

    /// <summary>The user name of a person who chose none: '-' cannot appear in a chosen one, so it never collides.</summary>
    public static string InternalUserName() => AccountLocator.InternalUserNamePrefix + Guid.NewGuid().ToString("N");

    /// <summary>
    /// Stages the account through UserManager, with a password or without one (the counter's: the
    /// holder sets it with 忘记密码). Nothing is saved: Identity's store is told not to save on its own.
    /// </summary>
    public async Task<IdentityResult> AddAsync(Account account, string? password)
    {
        ArgumentNullException.ThrowIfNull(account);
        var saving = store as UserStore<Account, IdentityRole<Guid>, PortalDbContext, Guid, IdentityUserClaim<Guid>, IdentityUserRole<Guid>, IdentityUserLogin<Guid>, IdentityUserToken<Guid>, IdentityRoleClaim<Guid>, IdentityUserPasskey<Guid>>
            ?? throw new InvalidOperationException("Identity's store is not the EF Core store this factory stages accounts through.");
        var autoSave = saving.AutoSaveChanges;
        saving.AutoSaveChanges = false;
        try
        {
            return password is null
                ? await users.CreateAsync(account).ConfigureAwait(false)
                : await users.CreateAsync(account, password).ConfigureAwait(false);
        }
        finally
        {
            saving.AutoSaveChanges = autoSave;
        }
    }

    // Identity sets lockout, stamps and the normalised name in AddAsync; the id is ours at once, for the audit row.
    private static Account New(AccountKind kind, string userName, DateTime now) =>
        new() { Id = Guid.NewGuid(), Kind = kind, UserName = userName, CreatedAt = now };
}
