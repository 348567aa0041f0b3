namespace ShanxiIdentity.Data.Entities;

/// <summary>An account's acceptance of one 隐私政策 version: at registration or at a sign-in after a new version.</summary>
public class PrivacyAcceptance
{
    public long Id { get; set; }

    public Guid AccountId { get; set; }

    public required string Version { get; set; }

    public DateTime AcceptedAt { get; set; }
}
