namespace ShanxiIdentity.Data.Entities;

/// <summary>
/// 下载我的信息: one copy of what the portal holds about an account, prepared on request and sealed
/// with the personal-data key. Each format (JSON file, page to print) is taken once, before
/// <see cref="ExpiresAt"/>; the retention task deletes the row after that.
/// </summary>
public class PersonalDataExport
{
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    public DateTime RequestedAt { get; set; }

    /// <summary>When the copy was ready; null while it is being prepared.</summary>
    public DateTime? PreparedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>The copy (UTF-8 JSON), sealed (SealPurpose.Export); emptied once both formats are taken.</summary>
    public byte[]? SealedContent { get; set; }

    /// <summary>When the JSON file was downloaded: set once, by a conditional update, on whichever instance.</summary>
    public DateTime? JsonTakenAt { get; set; }

    /// <summary>When the page to print was opened: set once, like <see cref="JsonTakenAt"/>.</summary>
    public DateTime? PrintTakenAt { get; set; }
}
