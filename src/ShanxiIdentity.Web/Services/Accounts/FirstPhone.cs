using ShanxiIdentity.Domain.Counter;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>A new account's first 预留手机号 and where it was given: online registration, or a counter request.</summary>
public sealed record FirstPhone(string Phone, Guid? CounterRequestId = null)
{
    public PhoneChangeChannel Channel => CounterRequestId is null ? PhoneChangeChannel.Registration : PhoneChangeChannel.Counter;
}
