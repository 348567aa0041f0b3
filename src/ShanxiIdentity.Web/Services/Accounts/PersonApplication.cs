using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>A citizen's application, already checked field by field.</summary>
public sealed record PersonApplication(string Name, ResidentIdNumber IdNumber, string? UserName, MobilePhone Phone, string SmsCode, string Password);
