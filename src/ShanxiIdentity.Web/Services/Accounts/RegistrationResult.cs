using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>Either the new account, or the field to blame and the message to show beside it.</summary>
public sealed record RegistrationResult(Account? Account, RegistrationField? Field = null, string? Message = null)
{
    public bool Succeeded => Account is not null;

    public static RegistrationResult Refused(RegistrationField field, string message) => new(null, field, message);
}
