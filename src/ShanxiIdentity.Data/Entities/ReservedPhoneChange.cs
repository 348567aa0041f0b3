using ShanxiIdentity.Domain.Counter;

namespace ShanxiIdentity.Data.Entities;

/// <summary>One change of an account's 预留手机号, online or at the counter.</summary>
public class ReservedPhoneChange
{
    public long Id { get; set; }

    public Guid AccountId { get; set; }

    public string? OldPhone { get; set; }

    public required string NewPhone { get; set; }

    public PhoneChangeChannel Channel { get; set; }

    public Guid? CounterRequestId { get; set; }

    public DateTime ChangedAt { get; set; }
}
