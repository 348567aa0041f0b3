using Microsoft.AspNetCore.Identity;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>Puts the domain's password rule behind Identity, so every path that sets a password obeys it.</summary>
public sealed class PortalPasswordValidator : IPasswordValidator<Account>
{
    public Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = PasswordPolicy.Check(password, user.Person?.ResidentIdNumber ?? user.LegalEntity?.RepresentativeIdNumber, user.PhoneNumber);
        return Task.FromResult(errors.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed(errors.Select(e => new IdentityError { Code = "PasswordPolicy", Description = e }).ToArray()));
    }
}
