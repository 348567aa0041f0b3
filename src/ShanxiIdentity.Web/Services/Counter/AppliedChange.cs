using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Sms;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Services.Counter;

/// <summary>The change staged on the unit of work, with its notice in the SMS outbox.</summary>
public sealed record AppliedChange(SmsMessage? Notice, string? Message = null)
{
    public bool Succeeded => Message is null;
}
