namespace ShanxiIdentity.Web.Areas.Counter.ViewModels;

/// <summary>An account as staff see it (查找账号): identifiers masked unless revealed, and its counter requests.</summary>
public sealed class AccountPage
{
    public required Guid Id { get; init; }

    public PersonCard? Person { get; init; }

    public OrganisationCard? Organisation { get; init; }

    /// <summary>用户名 / 登录账号; null for a person who chose none (the internal name is not shown).</summary>
    public string? LoginName { get; init; }

    /// <summary>预留手机号 as shown (masked unless revealed); null when none is reserved.</summary>
    public string? Phone { get; init; }

    public required DateTime CreatedAt { get; init; }

    public bool Revealed { get; init; }

    public required IReadOnlyList<RequestRow> Requests { get; init; }
}
