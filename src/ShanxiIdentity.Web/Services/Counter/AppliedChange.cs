using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Counter;

/// <summary>The change staged on the unit of work, with its notice in the SMS outbox.</summary>
public sealed record AppliedChange(SmsMessage? Notice, string? Message = null)
{
    public bool Succeeded => Message is null;
}
