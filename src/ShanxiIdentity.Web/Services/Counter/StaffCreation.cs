using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Counter;

/// <summary>A new staff account and the one-time password to hand over, or why it was not made.</summary>
public sealed record StaffCreation(Account? Account, string? InitialPassword, string? Error)
{
    public bool Succeeded => Account is not null;
}
