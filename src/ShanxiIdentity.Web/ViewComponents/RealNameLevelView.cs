using ShanxiIdentity.Domain.Accounts;

namespace ShanxiIdentity.Web.ViewComponents;

/// <summary>我的账号's 实名等级 section: the level, what it means, and how to raise it.</summary>
public sealed record RealNameLevelView(RealNameLevel Level, bool Organisation, string? MaterialsUserType);
