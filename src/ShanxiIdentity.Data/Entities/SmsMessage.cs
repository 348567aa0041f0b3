namespace ShanxiIdentity.Data.Entities;

/// <summary>The SMS outbox: every message the portal sends is written here first.</summary>
public class SmsMessage
{
    public long Id { get; set; }

    public required string Phone { get; set; }

    public required string Text { get; set; }

    /// <summary>Why it was sent (registration, password reset…), for send limits and support.</summary>
    public required string Purpose { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? DeliveredAt { get; set; }

    public string? DeliveryError { get; set; }
}
