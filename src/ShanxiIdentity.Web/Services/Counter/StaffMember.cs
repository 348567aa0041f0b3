namespace ShanxiIdentity.Web.Services.Counter;

public sealed record StaffMember(Guid Id, string LoginName, string Name, IReadOnlyList<string> Roles, bool Enrolled, DateTimeOffset? LockedUntil);
