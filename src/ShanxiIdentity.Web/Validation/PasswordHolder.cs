using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Web.Validation;

/// <summary>What a registration form says about who will hold the password, normalised as the domain parses it.</summary>
public sealed record PasswordHolder(string? IdNumber, string? Phone, string? AccountName)
{
    public static readonly PasswordHolder Unknown = new(null, null, null);

    public static PasswordHolder From(string? idNumber, string? phone, string? accountName) => new(
        ResidentIdNumber.Parse(idNumber).Value?.Value,
        MobilePhone.Parse(phone).Value?.Value,
        accountName?.Trim());
}
