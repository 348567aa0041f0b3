using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>Either the new account, or the field to blame and the message to show beside it.</summary>
public sealed record RegistrationResult(Account? Account, RegistrationField? Field = null, string? Message = null)
{
    public bool Succeeded => Account is not null;

    public static RegistrationResult Refused(RegistrationField field, string message) => new(null, field, message);
}
