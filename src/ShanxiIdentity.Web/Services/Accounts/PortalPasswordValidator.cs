using Microsoft.AspNetCore.Identity;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>Puts the domain's password rule behind Identity, so every path that sets a password obeys it.</summary>
public sealed class PortalPasswordValidator : IPasswordValidator<Account>
{
    public Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account user, string? password)
    {
        var errors = Check(user, password);
        return Task.FromResult(errors.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed(errors.Select(e => new IdentityError { Code = "PasswordPolicy", Description = e }).ToArray()));
    }

    /// <summary>The rule for an existing account's new password, with what is known about its holder as guesses to refuse.</summary>
    public static IReadOnlyList<string> Check(Account account, string? password)
    {
        ArgumentNullException.ThrowIfNull(account);
        var loginName = account.UserName is { } name && !name.StartsWith(AccountLocator.InternalUserNamePrefix, StringComparison.Ordinal) ? name : null;
        return PasswordPolicy.Check(password, account.Person?.ResidentIdNumber ?? account.LegalEntity?.RepresentativeIdNumber, account.PhoneNumber, loginName);
    }
}
